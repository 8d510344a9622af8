// Shared steps for the Fathom sandbox tests: authorize URLs, the consent click, token requests and
// API calls, all over real HTTP on 127.0.0.1.
import { consent } from '../../../helpers/sandbox-browser.ts';
import type { FathomSandbox } from '../../../../main/sandbox/fathom/index.ts';

export const REDIRECT = 'http://127.0.0.1:53682/fathom/callback';

export function authorizeUrl(
  sandbox: FathomSandbox,
  params: Record<string, string | undefined> = {},
): string {
  const url = new URL(`${sandbox.url}/external/v1/oauth2/authorize`);
  const defaults = {
    client_id: sandbox.clients.oauth.clientId,
    redirect_uri: REDIRECT,
    scope: 'public_api',
    state: 'state-fathom-1',
    response_type: 'code',
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params }))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.href;
}

export async function authorizeCode(
  sandbox: FathomSandbox,
  params: Record<string, string | undefined> = {},
): Promise<string> {
  const location = await consent(authorizeUrl(sandbox, params), 'allow');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location.href}`);
  return code;
}

export async function postToken(
  sandbox: FathomSandbox,
  body: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${sandbox.url}/external/v1/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

export function codeBody(
  sandbox: FathomSandbox,
  code: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    client_id: sandbox.clients.oauth.clientId,
    client_secret: sandbox.clients.oauth.clientSecret,
    ...extra,
  };
}

export function refreshBody(sandbox: FathomSandbox, refreshToken: string): Record<string, string> {
  return {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: sandbox.clients.oauth.clientId,
    client_secret: sandbox.clients.oauth.clientSecret,
  };
}

export interface FathomTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

/** Consent + code exchange, as the app does it. */
export async function connect(sandbox: FathomSandbox): Promise<FathomTokens> {
  const code = await authorizeCode(sandbox);
  const answer = await postToken(sandbox, codeBody(sandbox, code));
  if (answer.status !== 200) throw new Error(`connect failed: ${JSON.stringify(answer.body)}`);
  return answer.body as unknown as FathomTokens;
}

export type Credential = { bearer: string } | { apiKey: string } | null;

export async function getApi(sandbox: FathomSandbox, pathAndQuery: string, credential: Credential) {
  const headers: Record<string, string> = {};
  if (credential && 'bearer' in credential) headers.Authorization = `Bearer ${credential.bearer}`;
  if (credential && 'apiKey' in credential) headers['X-Api-Key'] = credential.apiKey;
  const response = await fetch(`${sandbox.apiBaseUrl}${pathAndQuery}`, { headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : null) as Record<string, unknown>,
  };
}
