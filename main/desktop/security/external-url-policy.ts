import { MAX_LINK_LENGTH, SUSPICIOUS_LINK_CHARACTERS } from '../../../preload/shared/limits.ts';

/**
 * The only URLs the app hands to the operating system (shell.openExternal). openExternal can
 * launch any registered handler, and meeting join URLs come from invites anyone can send, so
 * the rule is an allow-list checked on the parsed URL, never with string prefixes.
 */
const ZOOM_DOMAINS = ['zoom.us', 'zoomgov.com'] as const;

export function isZoomHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return ZOOM_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The normalised URL when it may be opened outside the app, otherwise null. */
export function allowedExternalUrl(candidate: unknown): string | null {
  if (typeof candidate !== 'string') return null;
  if (candidate.length === 0 || candidate.length > MAX_LINK_LENGTH) return null;
  if (SUSPICIOUS_LINK_CHARACTERS.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  if (!isZoomHost(url.hostname)) return null;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'zoommtg:' && url.pathname === '/join') return url.href;
  return null;
}
