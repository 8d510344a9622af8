import type { AuthorizationServer } from 'oauth4webapi';
import { AppError } from '../errors.ts';

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  /** Absent: the server does not use PKCE (Fathom), so no challenge is sent. */
  codeChallenge?: string;
  scope?: string;
}

/** oauth4webapi has no URL builder; this is the whole authorization request, PKCE S256 when a challenge is given. */
export function buildAuthorizationUrl(
  server: AuthorizationServer,
  request: AuthorizationRequest,
): URL {
  if (!server.authorization_endpoint) {
    throw new AppError(
      'config_invalid',
      'The sign-in server has no authorization endpoint. Check the server configuration.',
    );
  }
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('state', request.state);
  if (request.codeChallenge !== undefined) {
    url.searchParams.set('code_challenge', request.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  if (request.scope) url.searchParams.set('scope', request.scope);
  return url;
}
