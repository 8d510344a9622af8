// The Settings screen's Test: asks the authorization server about the client without signing
// anyone in, so a person learns before registering anything whether the address and client ID
// are right.
import type { ZoomAccountTestResult } from '../../../preload/contract.ts';
import { LOOPBACK_REDIRECT_URL } from '../../../preload/shared/zoom-account-rules.ts';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { fetchWithin } from '../net/fetch-within.ts';
import { isWireError } from '../net/wire-error.ts';
import type { Fetch } from '../ports.ts';

/** A person waits for this button; a healthy Zoom answers in well under a second. */
export const PROBE_DEADLINE_MS = 10_000;
const MAX_ANSWER_BYTES = 64 * 1024;
/** Sent as the authorization code: no server issued it, so no server can exchange it. */
const NOT_A_CODE = 'meeting-tray-connection-test';
/** A syntactically valid PKCE verifier (43 characters) that goes with no challenge. */
const NOT_A_VERIFIER = 'meeting-tray-connection-test-no-such-verifier';

/**
 * Sends the token endpoint an authorization-code request whose code cannot exist, authenticated
 * exactly as sign-in would be (client_id in the body for a public client, HTTP Basic with the
 * secret for a confidential one). An OAuth server that knows the client answers 4xx with a JSON
 * `error` such as invalid_grant; one that does not answers `invalid_client`. Nothing is granted,
 * nothing is stored, and the secret goes only to the server it belongs to.
 */
export async function probeZoomAccount(deps: {
  provider: Pick<AuthProviderConfig, 'server' | 'client'>;
  fetch: Fetch;
  deadlineMs?: number;
}): Promise<ZoomAccountTestResult> {
  const { server, client } = deps.provider;
  const endpoint = server.token_endpoint ?? `${server.issuer}/oauth/token`;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: NOT_A_CODE,
    redirect_uri: LOOPBACK_REDIRECT_URL,
    code_verifier: NOT_A_VERIFIER,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (client.clientSecret !== undefined) headers.authorization = basicAuth(client);
  else body.set('client_id', client.clientId);

  const answered = (outcome: ZoomAccountTestResult['outcome'], status: number | null) => ({
    outcome,
    endpoint,
    status,
  });
  let reply;
  try {
    reply = await fetchWithin(
      deps.fetch,
      endpoint,
      { method: 'POST', headers, body, redirect: 'manual' },
      { deadlineMs: deps.deadlineMs ?? PROBE_DEADLINE_MS, maxBytes: MAX_ANSWER_BYTES },
    );
  } catch (error) {
    if (isWireError(error) && error.kind === 'timeout') return answered('timed-out', null);
    if (isWireError(error) && error.kind === 'too_large')
      return answered('unexpected-answer', null);
    return answered('unreachable', null);
  }
  const error = oauthErrorOf(reply.text);
  if (reply.status < 400 || reply.status >= 500 || error === null)
    return answered('unexpected-answer', reply.status);
  return answered(error === 'invalid_client' ? 'client-rejected' : 'reachable', reply.status);
}

/** RFC 6749 §2.3.1: each half is form-encoded before base64. */
function basicAuth(client: { clientId: string; clientSecret?: string }): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  const pair = `${encode(client.clientId)}:${encode(client.clientSecret ?? '')}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

/** The `error` member of an RFC 6749 §5.2 answer, or null when the body is not one. */
function oauthErrorOf(text: string): string | null {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null) return null;
    const error = (json as { error?: unknown }).error;
    return typeof error === 'string' && /^[\x20-\x7e]{1,100}$/u.test(error) ? error : null;
  } catch {
    return null;
  }
}
