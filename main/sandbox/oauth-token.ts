// POST /oauth/token: authorization_code and refresh_token grants with Zoom's bodies (§1.4–§1.6).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateClient } from './client-auth.ts';
import type { ClientRegistry, RegisteredClient } from './clients.ts';
import type { Counters } from './counters.ts';
import type { GrantStore, TokenSet } from './grants.ts';
import { readParams, sendJson } from './http-io.ts';
import type { IssuedCode } from './oauth-authorize.ts';
import { sendTokenError, TOKEN_ERRORS } from './oauth-errors.ts';
import type { OneTimeStore } from './one-time-store.ts';
import { verifyPkce } from './pkce.ts';

export interface TokenDeps {
  clients: ClientRegistry;
  codes: OneTimeStore<IssuedCode>;
  grants: GrantStore;
  counters: Counters;
  apiUrl: string;
}

const GRANT_TYPES = ['authorization_code', 'refresh_token'];

function sendTokens(res: ServerResponse, tokens: TokenSet, apiUrl: string): void {
  sendJson(res, 200, {
    access_token: tokens.accessToken,
    token_type: 'bearer',
    refresh_token: tokens.refreshToken,
    expires_in: tokens.expiresIn,
    scope: tokens.scope,
    api_url: apiUrl,
  });
}

function exchangeCode(
  deps: TokenDeps,
  client: RegisteredClient,
  params: URLSearchParams,
  res: ServerResponse,
): void {
  const issued = deps.codes.take(params.get('code') ?? '');
  if (!issued || issued.clientId !== client.clientId)
    return sendTokenError(res, TOKEN_ERRORS.invalidCode);
  if (params.get('redirect_uri') !== issued.redirectUri)
    return sendTokenError(res, TOKEN_ERRORS.redirectMismatch);
  const verifier = params.get('code_verifier');
  if (issued.codeChallenge !== null) {
    if (!verifier || !verifyPkce(issued.codeChallenge, issued.codeChallengeMethod, verifier)) {
      return sendTokenError(res, TOKEN_ERRORS.invalidVerifier);
    }
  } else if (client.clientSecret === null) {
    return sendTokenError(res, TOKEN_ERRORS.invalidVerifier);
  }
  const tokens = deps.grants.create({
    clientId: client.clientId,
    userId: issued.userId,
    accountId: issued.accountId,
    scopes: issued.scopes,
  });
  sendTokens(res, tokens, deps.apiUrl);
}

function refresh(
  deps: TokenDeps,
  client: RegisteredClient,
  params: URLSearchParams,
  res: ServerResponse,
): void {
  const tokens = deps.grants.refresh(params.get('refresh_token') ?? '', client.clientId);
  if (!tokens) return sendTokenError(res, TOKEN_ERRORS.invalidToken);
  sendTokens(res, tokens, deps.apiUrl);
}

export function createTokenHandler(deps: TokenDeps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const params = await readParams(req, url);
    const grantType = params.get('grant_type') ?? '';
    if (GRANT_TYPES.includes(grantType)) deps.counters.countGrant(grantType);
    const client = authenticateClient(req.headers, params, deps.clients);
    if (!client) return sendTokenError(res, TOKEN_ERRORS.invalidClient);
    if (grantType === 'authorization_code') return exchangeCode(deps, client, params, res);
    if (grantType === 'refresh_token') return refresh(deps, client, params, res);
    sendTokenError(res, TOKEN_ERRORS.unsupportedGrant);
  };
}
