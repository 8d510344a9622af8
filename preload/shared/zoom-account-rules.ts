/**
 * What makes a Zoom account setting acceptable, in one place: main checks the environment, the
 * configuration baked into the package and the Settings screen's input with these rules, and
 * the Settings screen uses the same ones to show a problem under the field as it is typed.
 * Each problem reads after the name of what is wrong ("ZOOM_OAUTH_BASE must use https://…").
 */

/** The redirect URL to register on the Zoom app; Zoom ignores the port for loopback redirects. */
export const LOOPBACK_REDIRECT_URL = 'http://127.0.0.1/callback';

/** Zoom's two clouds. `custom` is any other authorization server (a proxy, the local sandbox). */
export const ZOOM_CLOUDS = {
  zoom: { oauthBase: 'https://zoom.us', apiBase: 'https://api.zoom.us/v2' },
  zoomgov: { oauthBase: 'https://zoomgov.com', apiBase: 'https://api.zoomgov.com/v2' },
} as const;

/** Characters Zoom uses in client IDs (an unreserved-character URL token). */
const CLIENT_ID = /^[A-Za-z0-9._~-]+$/u;
export const MAX_CLIENT_ID_LENGTH = 200;
export const MAX_CLIENT_SECRET_LENGTH = 512;
export const MAX_ENDPOINT_LENGTH = 2048;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** True for http(s) URLs whose host is the IPv4 or IPv6 loopback literal. */
export function isLoopbackUrl(url: URL | string): boolean {
  const parsed = typeof url === 'string' ? URL.parse(url) : url;
  return parsed !== null && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** Why `value` is not a client ID, or null when it is one. */
export function clientIdProblem(value: string): string | null {
  const text = value.trim();
  if (text === '') return 'is required. Copy it from your app on the Zoom App Marketplace.';
  if (text.length > MAX_CLIENT_ID_LENGTH)
    return `is longer than ${MAX_CLIENT_ID_LENGTH} characters. Copy it again from the Zoom App Marketplace.`;
  if (!CLIENT_ID.test(text))
    return 'contains unexpected characters. Copy it again from the Zoom App Marketplace app page.';
  return null;
}

/** Why `value` is not a client secret we can send, or null when it is acceptable. */
export function clientSecretProblem(value: string): string | null {
  if (value.length > MAX_CLIENT_SECRET_LENGTH)
    return `is longer than ${MAX_CLIENT_SECRET_LENGTH} characters.`;
  if (/[\s\u0000-\u001f\u007f]/u.test(value))
    return 'contains spaces or control characters. Copy it again from the Zoom App Marketplace.';
  return null;
}

/**
 * Why `value` is not an endpoint we may send tokens to, or null when it is one. Plain http would
 * expose tokens on the wire, so it is allowed only for loopback (the sandbox, test servers).
 */
export function endpointProblem(value: string): string | null {
  const text = value.trim();
  const url = text.length <= MAX_ENDPOINT_LENGTH ? URL.parse(text) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    return 'must be an https:// URL, for example https://zoom.us';
  if (url.protocol === 'http:' && !isLoopbackUrl(url))
    return 'must use https://. Plain http:// is only allowed for 127.0.0.1 or [::1]';
  if (url.username || url.password || url.search || url.hash)
    return 'must not contain credentials, a query or a fragment';
  return null;
}

/** Which cloud a pair of bases is: Zoom's, ZoomGov's, or another server. */
export function cloudOf(oauthBase: string, apiBase: string): 'zoom' | 'zoomgov' | 'custom' {
  const same = (a: string, b: string) => a.replace(/\/+$/u, '') === b;
  for (const cloud of ['zoom', 'zoomgov'] as const) {
    const bases = ZOOM_CLOUDS[cloud];
    if (same(oauthBase, bases.oauthBase) && same(apiBase, bases.apiBase)) return cloud;
  }
  return 'custom';
}
