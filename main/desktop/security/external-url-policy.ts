import { parseAppJoinLink, parseZoomUrl } from '../../../preload/shared/join-link.ts';

/**
 * The only URLs the app hands to the operating system (shell.openExternal). openExternal can
 * launch any registered handler, and meeting join URLs come from invites anyone can send, so
 * the rule is an allow-list checked on the parsed URL, never with string prefixes: https on
 * Zoom's hosts, and the Zoom app's join link in exactly the shape the join opener writes.
 */
export function allowedExternalUrl(candidate: unknown): string | null {
  const url = parseZoomUrl(candidate);
  if (!url) return null;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'zoommtg:' && parseAppJoinLink(candidate)) return url.href;
  return null;
}
