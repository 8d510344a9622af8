import { createHash, randomBytes } from 'node:crypto';
import type { AccessGrant, AuthService } from '../../../../main/core/auth/auth-service.types.ts';
import { AppError } from '../../../../main/core/errors.ts';
import type { ZoomSandbox } from '../../../../main/sandbox/index.ts';
import { consent } from '../../../helpers/sandbox-browser.ts';

const REDIRECT_URI = 'http://127.0.0.1:53682/callback';

interface TokenReply {
  access_token: string;
  refresh_token: string;
  api_url: string;
}

/**
 * A minimal stand-in for the auth core, enough to drive the Zoom client against the sandbox:
 * a real authorization-code + PKCE sign-in as the public client, and real refresh-token grants.
 */
export async function signInToSandbox(
  sandbox: ZoomSandbox,
): Promise<Pick<AuthService, 'getAccessToken'> & { accessToken(): string }> {
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL('/oauth/authorize', sandbox.url);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: sandbox.clients.public.clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 'integration',
  }).toString();
  const callback = await consent(authorize.href, 'allow');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`the sandbox sent no code: ${callback.search}`);

  let tokens = await tokenRequest(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });

  const grant = (): AccessGrant => ({
    accessToken: tokens.access_token,
    apiBaseUrl: `${tokens.api_url}/v2`,
  });
  return {
    accessToken: () => tokens.access_token,
    async getAccessToken(options) {
      if (options?.forceRefresh) {
        tokens = await tokenRequest(sandbox, {
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
        });
      }
      return grant();
    },
  };
}

async function tokenRequest(
  sandbox: ZoomSandbox,
  params: Record<string, string>,
): Promise<TokenReply> {
  const response = await fetch(new URL('/oauth/token', sandbox.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...params, client_id: sandbox.clients.public.clientId }),
  });
  const body = (await response.json()) as TokenReply & { error?: string };
  if (!response.ok) throw new AppError('session_expired', `sandbox token endpoint: ${body.error}`);
  return body;
}
