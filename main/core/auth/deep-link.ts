import { MAX_LINK_LENGTH } from '../../../preload/shared/limits.ts';

/**
 * The auth core's half of deep-link checking (the shell's argv routing in main/desktop/deep-links/deep-link-argv.ts
 * is the other): accepts a custom-scheme callback only when scheme, host and path equal our registered
 * redirect URI exactly (no port, user info or fragment). Returns null for anything else.
 */
export function parseDeepLinkCallback(raw: string, redirectUri: string): URL | null {
  if (typeof raw !== 'string' || raw.length > MAX_LINK_LENGTH) return null;
  const expected = URL.parse(redirectUri);
  const url = URL.parse(raw);
  if (!expected || !url) return null;
  if (
    url.protocol !== expected.protocol ||
    url.host !== expected.host ||
    url.pathname !== expected.pathname
  )
    return null;
  if (url.username || url.password || url.port || url.hash) return null;
  return url;
}
