// Shared steps for the sandbox contract tests: PKCE pairs, authorize URLs, the consent click
// and the token requests, all over real HTTP on 127.0.0.1.
import { createHash, randomBytes } from 'node:crypto';
import { consent } from '../../helpers/sandbox-browser.ts';
import type { ZoomSandbox } from '../../../main/sandbox/index.ts';

export const LOOPBACK_REDIRECT = 'http://127.0.0.1:53682/callback';

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function authorizeUrl(
  sandbox: ZoomSandbox,
  params: Record<string, string | undefined>,
): string {
  const url = new URL('/oauth/authorize', sandbox.url);
  const defaults = {
    response_type: 'code',
    client_id: sandbox.clients.public.clientId,
    redirect_uri: LOOPBACK_REDIRECT,
    state: 'state-123',
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params }))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

/** Form-encodes each half before base64, as RFC 6749 §2.3.1 and oauth4webapi do. */
export function basicAuth(clientId: string, clientSecret: string): string {
  const enc = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
}

export function confidentialAuth(sandbox: ZoomSandbox): string {
  return basicAuth(
    sandbox.clients.confidential.clientId,
    sandbox.clients.confidential.clientSecret,
  );
}

export async function postForm(
  url: string,
  body: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', ...headers },
    body: new URLSearchParams(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

export async function getJson(url: string, accessToken?: string) {
  const response = await fetch(url, {
    headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** Consents as the demo person and returns the code (and the verifier used). */
export async function authorizeCode(
  sandbox: ZoomSandbox,
  client: 'public' | 'confidential',
  extra: Record<string, string | undefined> = {},
) {
  const { verifier, challenge } = pkcePair();
  const clientId =
    client === 'public' ? sandbox.clients.public.clientId : sandbox.clients.confidential.clientId;
  const location = await consent(
    authorizeUrl(sandbox, {
      client_id: clientId,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    }),
    'allow',
  );
  return { code: location.searchParams.get('code') ?? '', verifier, location };
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
  token_type: string;
  api_url: string;
}

/** A full sign-in: consent, then the code exchange with the client's proper authentication. */
export async function signIn(
  sandbox: ZoomSandbox,
  client: 'public' | 'confidential' = 'public',
): Promise<Tokens> {
  const { code, verifier } = await authorizeCode(sandbox, client);
  const body: Record<string, string> = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: LOOPBACK_REDIRECT,
    code_verifier: verifier,
  };
  const headers: Record<string, string> = {};
  if (client === 'public') body.client_id = sandbox.clients.public.clientId;
  else headers.Authorization = confidentialAuth(sandbox);
  const response = await postForm(`${sandbox.url}/oauth/token`, body, headers);
  if (response.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
  return response.body as unknown as Tokens;
}

export function refreshBody(sandbox: ZoomSandbox, refreshToken: string): Record<string, string> {
  return {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: sandbox.clients.public.clientId,
  };
}
