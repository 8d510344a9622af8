// POST /oauth/revoke: kills the whole grant behind an access or refresh token (zoom-facts §3).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateClient } from './client-auth.ts';
import type { ClientRegistry } from './clients.ts';
import type { GrantStore } from './grants.ts';
import { readParams, sendJson } from './http-io.ts';
import { sendTokenError, TOKEN_ERRORS } from './oauth-errors.ts';

export function createRevokeHandler(deps: { clients: ClientRegistry; grants: GrantStore }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const params = await readParams(req, url);
    const client = authenticateClient(req.headers, params, deps.clients);
    if (!client) return sendTokenError(res, TOKEN_ERRORS.invalidClient);
    const token = params.get('token') ?? '';
    if (token === '') return sendTokenError(res, TOKEN_ERRORS.emptyToken);
    // Zoom's answer for an unknown token is undocumented; RFC 7009 §2.2 says succeed, which
    // keeps sign-out idempotent. Another client's token is refused rather than revoked.
    if (deps.grants.revoke(token, client.clientId) === 'other_client')
      return sendTokenError(res, TOKEN_ERRORS.invalidToken);
    sendJson(res, 200, { status: 'success' });
  };
}
