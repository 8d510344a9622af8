import { MAX_LINK_LENGTH, SUSPICIOUS_LINK_CHARACTERS } from '../../../preload/shared/limits.ts';
import { parseAppJoinLink, parseZoomUrl } from '../../../preload/shared/join-link.ts';

/**
 * The only URLs the app hands to the operating system (shell.openExternal). openExternal can
 * launch any registered handler, and meeting join URLs come from invites anyone can send, so
 * the rule is an allow-list checked on the parsed URL, never with string prefixes: https on
 * Zoom's hosts, the Zoom app's join link in exactly the shape the join opener writes, and https
 * on Fathom's hosts (a note's share link, an action item's playback link).
 */
export function allowedExternalUrl(candidate: unknown): string | null {
  const fathom = allowedFathomUrl(candidate);
  if (fathom) return fathom;
  const url = parseZoomUrl(candidate);
  if (!url) return null;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'zoommtg:' && parseAppJoinLink(candidate)) return url.href;
  return null;
}

/** Fathom's own host and its subdomains; api.fathom.ai serves the API, never a page to open. */
const FATHOM_HOST = 'fathom.video';
const DNS_NAME = /^[a-z0-9.-]+$/u;

/**
 * A Fathom link the app may open: https only, on fathom.video or one of its subdomains, with no
 * credentials and no port. Returns the normalised href, or null.
 */
export function allowedFathomUrl(candidate: unknown): string | null {
  if (typeof candidate !== 'string') return null;
  if (candidate.length === 0 || candidate.length > MAX_LINK_LENGTH) return null;
  if (SUSPICIOUS_LINK_CHARACTERS.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  if (!DNS_NAME.test(host) || host.includes('..')) return null;
  if (host !== FATHOM_HOST && !host.endsWith(`.${FATHOM_HOST}`)) return null;
  return url.href;
}
