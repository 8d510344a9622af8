// POST /external/v1/oauth2/token (fathom-facts §1.3, §1.4, §1.7, §4): a confidential client with
// client_id + client_secret in the form body (HTTP Basic is refused), authorization_code with the
// same redirect_uri and an unused code, refresh_token rotating on every use.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from '../counters.ts';
import { readBody, sendJson } from '../http-io.ts';
import type { OneTimeStore } from '../one-time-store.ts';
import { verifyPkce } from '../pkce.ts';
import { FATHOM_SCOPE } from './clients.ts';
import type { FathomGrantStore, FathomTokenSet } from './grants.ts';
import type { FathomIssuedCode } from './oauth-authorize.ts';

export const TOKEN_PATH = '/external/v1/oauth2/token';

export interface FathomTokenDeps {
  client: { clientId: string; clientSecret: string };
  codes: OneTimeStore<FathomIssuedCode>;
  grants: FathomGrantStore;
  counters: Counters;
}

const GRANT_TYPES = ['authorization_code', 'refresh_token'];

// Fathom's error bodies are undocumented (§1.7): RFC 6749 names, nothing more.
const invalidClient = (res: ServerResponse) => sendJson(res, 401, { error: 'invalid_client' });
const invalidGrant = (res: ServerResponse) => sendJson(res, 400, { error: 'invalid_grant' });
const invalidRequest = (res: ServerResponse, description: string) =>
  sendJson(res, 400, { error: 'invalid_request', error_description: description });

function sendTokens(res: ServerResponse, tokens: FathomTokenSet): void {
  sendJson(res, 200, {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
    scope: FATHOM_SCOPE,
  });
}

function exchangeCode(deps: FathomTokenDeps, params: URLSearchParams, res: ServerResponse): void {
  const issued = deps.codes.take(params.get('code') ?? '');
  if (!issued || issued.clientId !== deps.client.clientId) return invalidGrant(res);
  if (params.get('redirect_uri') !== issued.redirectUri) return invalidGrant(res);
  if (issued.codeChallenge !== null) {
    const verifier = params.get('code_verifier');
    if (!verifier || !verifyPkce(issued.codeChallenge, issued.codeChallengeMethod, verifier))
      return invalidGrant(res);
  }
  sendTokens(
    res,
    deps.grants.create({ clientId: issued.clientId, userId: issued.userId, accountId: 'fathom' }),
  );
}

export function createFathomTokenHandler(deps: FathomTokenDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    const body = await readBody(req);
    if (type !== 'application/x-www-form-urlencoded')
      return invalidRequest(res, 'Send the parameters as application/x-www-form-urlencoded.');
    const params = new URLSearchParams(body);
    const grantType = params.get('grant_type') ?? '';
    if (GRANT_TYPES.includes(grantType)) deps.counters.countGrant(grantType);
    // client_secret_post only: a Basic header is refused even with the right secret.
    if (req.headers.authorization !== undefined) return invalidClient(res);
    if (
      params.get('client_id') !== deps.client.clientId ||
      params.get('client_secret') !== deps.client.clientSecret
    )
      return invalidClient(res);
    if (grantType === 'authorization_code') return exchangeCode(deps, params, res);
    if (grantType === 'refresh_token') {
      const tokens = deps.grants.refresh(params.get('refresh_token') ?? '', deps.client.clientId);
      return tokens ? sendTokens(res, tokens) : invalidGrant(res);
    }
    sendJson(res, 400, { error: 'unsupported_grant_type' });
  };
}
