/**
 * Zoom join links, for main (the join opener and the allow-list) and the renderer alike: which
 * hosts are Zoom's, and the meeting a link joins, read from the web form
 * `https://<host>/j/<id>[?pwd=…]` or the Zoom app's form
 * `zoommtg://<host>/join?action=join&confno=<id>[&pwd=…]` (desktop-facts §1; MeetingBar rewrites
 * the same way). Everything is parsed with `new URL()` and checked part by part, never by prefix.
 */
import { MAX_LINK_LENGTH, SUSPICIOUS_LINK_CHARACTERS } from './limits.ts';

/** Zoom's domains: each itself and any subdomain (`us02web.zoom.us`, vanity `acme.zoom.us`). */
export const ZOOM_DOMAINS = ['zoom.us', 'zoomgov.com'] as const;

/** The Zoom desktop app's URL scheme (Windows, macOS and Linux clients). */
export const ZOOM_APP_PROTOCOL = 'zoommtg:';

/** One meeting to join: where, which, and the passcode exactly as Zoom wrote it in the link. */
export interface ZoomJoin {
  /** Lower-case DNS name, e.g. `us05web.zoom.us`. */
  host: string;
  /** The meeting number, digits only. */
  meetingId: string;
  /**
   * The `pwd` query value byte for byte, or null. Zoom's server derives it from the passcode;
   * it is passed on unchanged, never built or decoded, and never logged (it lets anyone in).
   */
  passcode: string | null;
}

/** Zoom meeting and webinar numbers are 9 to 11 digits. */
const MEETING_ID = /^\d{9,11}$/u;
const WEB_JOIN_PATH = /^\/j\/(\d+)\/?$/u;
/** A host name as the URL parser leaves it: letters, digits, dots and hyphens only. */
const DNS_NAME = /^[a-z0-9.-]+$/u;
/** Zoom's encoded passcode: base64/base64url text, a `.1`-style suffix, or %-escapes of them. */
const PASSCODE = /^(?:[A-Za-z0-9._~+=-]|%[0-9A-Fa-f]{2}){1,256}$/u;

export function isZoomHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return ZOOM_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * Parses a candidate link with the rules every Zoom link shares (both join forms, and the
 * openExternal allow-list in main/desktop/security): a string of sane length without
 * whitespace, control characters or backslashes, no user name, password or port, on a Zoom host.
 */
export function parseZoomUrl(candidate: unknown): URL | null {
  if (typeof candidate !== 'string') return null;
  if (candidate.length === 0 || candidate.length > MAX_LINK_LENGTH) return null;
  if (SUSPICIOUS_LINK_CHARACTERS.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  // The app scheme is not "special" to the URL parser, so its host arrives as typed.
  const host = url.hostname.toLowerCase();
  if (!DNS_NAME.test(host) || !isZoomHost(host)) return null;
  return url;
}

/**
 * The raw `name=value` pairs of a query, undecoded, so a passcode keeps every byte. Null when
 * a name repeats: `?pwd=a&pwd=b` could mean either, so such a link is not rewritten.
 */
function rawQuery(search: string): Map<string, string> | null {
  const pairs = new Map<string, string>();
  for (const part of search.replace(/^\?/u, '').split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const name = at < 0 ? part : part.slice(0, at);
    if (pairs.has(name)) return null;
    pairs.set(name, at < 0 ? '' : part.slice(at + 1));
  }
  return pairs;
}

function passcodeOf(query: Map<string, string>): string | null | undefined {
  const value = query.get('pwd');
  if (value === undefined || value === '') return null;
  return PASSCODE.test(value) ? value : undefined;
}

/**
 * The meeting a web join link (`https://<zoom host>/j/<id>[?pwd=…]`) opens, or null for anything
 * else: personal rooms (`/my/…`), webinars (`/w/…`), start links (`/s/…`), other paths and
 * hosts, and links whose passcode is not plain Zoom text. Other query parameters are dropped.
 */
export function parseWebJoinLink(candidate: unknown): ZoomJoin | null {
  const url = parseZoomUrl(candidate);
  if (!url || url.protocol !== 'https:') return null;
  const meetingId = WEB_JOIN_PATH.exec(url.pathname)?.[1];
  if (meetingId === undefined || !MEETING_ID.test(meetingId)) return null;
  const query = rawQuery(url.search);
  if (!query) return null;
  const passcode = passcodeOf(query);
  if (passcode === undefined) return null;
  return { host: url.hostname.toLowerCase(), meetingId, passcode };
}

/**
 * The meeting a Zoom app link opens, accepted only in the exact shape `zoomAppJoinLink` writes:
 * `zoommtg://<zoom host>/join?action=join&confno=<id>[&pwd=…]` and no other parameter, so the
 * allow-list never hands the app a `browser=`, `token=` or other instruction.
 */
export function parseAppJoinLink(candidate: unknown): ZoomJoin | null {
  const url = parseZoomUrl(candidate);
  if (!url || url.protocol !== ZOOM_APP_PROTOCOL || url.pathname !== '/join') return null;
  const query = rawQuery(url.search);
  if (!query || query.get('action') !== 'join') return null;
  const meetingId = query.get('confno');
  if (meetingId === undefined || !MEETING_ID.test(meetingId)) return null;
  if ([...query.keys()].some((name) => !['action', 'confno', 'pwd'].includes(name))) return null;
  const passcode = passcodeOf(query);
  if (passcode === undefined) return null;
  return { host: url.hostname.toLowerCase(), meetingId, passcode };
}

/** `zoommtg://<host>/join?action=join&confno=<id>[&pwd=<passcode>]`, the passcode unchanged. */
export function zoomAppJoinLink(join: ZoomJoin): string {
  const pwd = join.passcode === null ? '' : `&pwd=${join.passcode}`;
  return `zoommtg://${join.host}/join?action=join&confno=${join.meetingId}${pwd}`;
}

/** `https://<host>/j/<id>[?pwd=<passcode>]`: the browser's way into the same meeting. */
export function zoomWebJoinLink(join: ZoomJoin): string {
  const pwd = join.passcode === null ? '' : `?pwd=${join.passcode}`;
  return `https://${join.host}/j/${join.meetingId}${pwd}`;
}

/** The Zoom app's link for a web join link, or null when it has none (then the link stays on https). */
export function toZoomAppLink(webLink: unknown): string | null {
  const join = parseWebJoinLink(webLink);
  return join ? zoomAppJoinLink(join) : null;
}
