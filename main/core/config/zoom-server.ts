import type { AuthorizationServer } from 'oauth4webapi';
import { ZOOM_CLOUDS } from '../../../preload/shared/zoom-account-rules.ts';
import { joinUrl } from './endpoint-url.ts';

export const ZOOM_OAUTH_BASE = ZOOM_CLOUDS.zoom.oauthBase;
export const ZOOM_API_BASE = ZOOM_CLOUDS.zoom.apiBase;

/**
 * Zoom's authorization server metadata, written by hand: Zoom's RFC 8414 document has no
 * revocation_endpoint, and the revoke URL is documented separately.
 */
export function zoomAuthorizationServer(
  oauthBase: URL | string = ZOOM_OAUTH_BASE,
): AuthorizationServer {
  const issuer = String(oauthBase).replace(/\/+$/, '');
  return {
    issuer,
    authorization_endpoint: joinUrl(issuer, '/oauth/authorize'),
    token_endpoint: joinUrl(issuer, '/oauth/token'),
    revocation_endpoint: joinUrl(issuer, '/oauth/revoke'),
    code_challenge_methods_supported: ['S256'],
  };
}
