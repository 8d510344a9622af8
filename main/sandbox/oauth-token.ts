// POST /oauth/token: authorization_code and refresh_token grants with Zoom's bodies (§1.4–§1.6).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateClient } from './client-auth.ts';
import type { ClientRegistry, RegisteredClient } from './clients.ts';
import type { Counters } from './counters.ts';
import type { GrantStore, TokenSet } from './grants.ts';
import { readParams, sendJsonText } from './http-io.ts';
import type { IssuedCode } from './oauth-authorize.ts';
import { sendTokenError, TOKEN_ERRORS } from './oauth-errors.ts';
import type { OneTimeStore } from './one-time-store.ts';
import { verifyPkce } from './pkce.ts';
import type { TokenAnswerFault } from './types.ts';

export interface TokenDeps {
  clients: ClientRegistry;
  codes: OneTimeStore<IssuedCode>;
  grants: GrantStore;
  counters: Counters;
  apiUrl: string;
  /** Odd fields to put in successful answers (a fault knob); none by default. */
  answerFault?: () => TokenAnswerFault | undefined;
}

const GRANT_TYPES = ['authorization_code', 'refresh_token'];

function sendTokens(
  res: ServerResponse,
  tokens: TokenSet,
  apiUrl: string,
  fault: TokenAnswerFault | undefined,
): void {
  const body = {
    access_token: tokens.accessToken,
    token_type: 'bearer',
    refresh_token: fault?.emptyRefreshToken ? '' : tokens.refreshToken,
    scope: tokens.scope,
    api_url: apiUrl,
  };
  // expires_in goes in as raw JSON text, so the fault can send what JSON.stringify cannot (1e400).
  const expiresIn = fault?.expiresIn === undefined ? String(tokens.expiresIn) : fault.expiresIn;
  const text = JSON.stringify(body);
  sendJsonText(
    res,
    200,
    expiresIn === null ? text : `${text.slice(0, -1)},"expires_in":${expiresIn}}`,
  );
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
  sendTokens(res, tokens, deps.apiUrl, deps.answerFault?.());
}

function refresh(
  deps: TokenDeps,
  client: RegisteredClient,
  params: URLSearchParams,
  res: ServerResponse,
): void {
  const fault = deps.answerFault?.();
  // An answer without a new refresh token must leave the old one usable (RFC 6749 §6).
  const tokens = deps.grants.refresh(params.get('refresh_token') ?? '', client.clientId, {
    keepRefreshToken: fault?.emptyRefreshToken === true,
  });
  if (!tokens) return sendTokenError(res, TOKEN_ERRORS.invalidToken);
  sendTokens(res, tokens, deps.apiUrl, fault);
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
