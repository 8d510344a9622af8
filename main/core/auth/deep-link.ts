const MAX_DEEP_LINK_LENGTH = 4096;

function schemeOf(uri: string): string {
  return uri.slice(0, uri.indexOf(':') + 1).toLowerCase();
}

/**
 * Accepts a custom-scheme callback only when scheme, host and path equal our registered
 * redirect URI exactly (no port, user info or fragment). Returns null for anything else.
 */
export function parseDeepLinkCallback(raw: string, redirectUri: string): URL | null {
  if (typeof raw !== 'string' || raw.length > MAX_DEEP_LINK_LENGTH) return null;
  const expected = URL.parse(redirectUri);
  const url = URL.parse(raw);
  if (!expected || !url) return null;
  if (url.protocol !== expected.protocol || url.host !== expected.host || url.pathname !== expected.pathname) return null;
  if (url.username || url.password || url.port || url.hash) return null;
  return url;
}

/**
 * Finds the deep link in a command line (cold start, or a second instance's argv).
 * Anything that starts with our scheme counts, so two of them — or one that is not
 * exactly our callback — yield null rather than a guess.
 */
export function findDeepLinkInArgv(argv: readonly string[], redirectUri: string): string | null {
  const scheme = schemeOf(redirectUri);
  if (!scheme) return null;
  const candidates = argv.filter((arg) => typeof arg === 'string' && arg.toLowerCase().startsWith(scheme));
  if (candidates.length !== 1) return null;
  const [only] = candidates;
  return only !== undefined && parseDeepLinkCallback(only, redirectUri) ? only : null;
}
