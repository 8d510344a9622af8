import { MAX_LINK_LENGTH, SUSPICIOUS_LINK_CHARACTERS } from '../../../preload/shared/limits.ts';
import { isZoomHost, parseAppJoinLink } from '../../../preload/shared/join-link.ts';

/**
 * The only URLs the app hands to the operating system (shell.openExternal). openExternal can
 * launch any registered handler, and meeting join URLs come from invites anyone can send, so
 * the rule is an allow-list checked on the parsed URL, never with string prefixes: https on
 * Zoom's hosts, and the Zoom app's join link in exactly the shape the join opener writes.
 */
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
  if (url.protocol === 'zoommtg:' && parseAppJoinLink(candidate)) return url.href;
  return null;
}
