// Where the bearer tokens go: Zoom's `api_url` hint, held to the configured API's own domain.

/** The domains one Zoom cloud answers on; an `api_url` may move between their hosts only. */
const ZOOM_DOMAIN_FAMILIES = ['zoom.us', 'zoomgov.com'];

export type ApiBaseChoice =
  | { apiBaseUrl: string; rejected: false }
  /** The hint was unusable or pointed elsewhere; `apiBaseUrl` is the configured base. */
  | { apiBaseUrl: string; rejected: true; hintHost: string | null };

function familyOf(hostname: string): string | null {
  const host = hostname.toLowerCase();
  return (
    ZOOM_DOMAIN_FAMILIES.find((family) => host === family || host.endsWith(`.${family}`)) ?? null
  );
}

/**
 * The API base for a token answer's `api_url` (e.g. `https://api-eu.zoom.us`). Only the hint's
 * origin is used, with the configured base's path (`/v2`) after it, so a hint that already
 * carries a path cannot double it. The hint is followed only to an https host in the configured
 * host's family (zoom.us and its subdomains for Zoom, zoomgov.com for ZoomGov), or to exactly the
 * configured origin (the local sandbox); anything else would send our tokens to a stranger.
 */
export function chooseApiBaseUrl(apiUrl: unknown, configuredBase: string): ApiBaseChoice {
  const configured = new URL(configuredBase);
  const path = configured.pathname.replace(/\/+$/, '');
  const fallback = `${configured.origin}${path}`;
  if (apiUrl === undefined || apiUrl === null || apiUrl === '')
    return { apiBaseUrl: fallback, rejected: false };

  const hint = typeof apiUrl === 'string' ? URL.parse(apiUrl) : null;
  if (!hint || hint.username || hint.password)
    return { apiBaseUrl: fallback, rejected: true, hintHost: hint?.host ?? null };
  const family = familyOf(configured.hostname);
  const sameOrigin = hint.origin === configured.origin;
  const sameFamily =
    hint.protocol === 'https:' && family !== null && familyOf(hint.hostname) === family;
  if (!sameOrigin && !sameFamily)
    return { apiBaseUrl: fallback, rejected: true, hintHost: hint.host };
  return { apiBaseUrl: `${hint.origin}${path}`, rejected: false };
}
