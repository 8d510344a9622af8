import type { ServerResponse } from 'node:http';
import { sendJson } from './http-io.ts';

/** Zoom's token-endpoint error bodies: HTTP 400, `{reason, error}`, no error_description (§1.6). */
export const TOKEN_ERRORS = {
  invalidToken: { reason: 'Invalid Token!', error: 'invalid_grant' },
  invalidCode: { reason: 'Invalid authorization code', error: 'invalid_grant' },
  invalidClient: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
  unsupportedGrant: { reason: 'unsupported grant type', error: 'unsupported_grant_type' },
  invalidVerifier: { reason: 'Invalid code_verifier', error: 'invalid_grant' },
  redirectMismatch: { reason: 'Redirect URI mismatch.', error: 'invalid_grant' },
  emptyToken: { reason: 'Token cannot be empty.', error: 'invalid_request' },
} as const;

export function sendTokenError(res: ServerResponse, body: { reason: string; error: string }): void {
  sendJson(res, 400, body);
}
