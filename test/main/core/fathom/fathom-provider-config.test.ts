import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl } from '../../../../main/core/auth/authorization-url.ts';
import { providerVaultKey } from '../../../../main/core/auth/token-vault.ts';
import { classifyTokenFailure } from '../../../../main/core/auth/token-failure.ts';
import {
  FATHOM_DEFAULT_REDIRECT_PORT,
  fathomProviderConfig,
  fathomRedirectUri,
} from '../../../../main/core/config/fathom-provider-config.ts';

describe('fathomProviderConfig', () => {
  it('defaults: fathom.video endpoints, no revocation, public_api, secret in the body, PKCE too, fixed redirect', () => {
    const config = fathomProviderConfig({ clientId: 'cid', clientSecret: 'sec' });
    expect(config.server).toEqual({
      issuer: 'https://fathom.video',
      authorization_endpoint: 'https://fathom.video/external/v1/oauth2/authorize',
      token_endpoint: 'https://fathom.video/external/v1/oauth2/token',
    });
    expect(config.server.revocation_endpoint).toBeUndefined();
    expect(config.apiBaseUrl).toBe('https://api.fathom.ai/external/v1');
    expect(config.scope).toBe('public_api');
    expect(config.client).toEqual({ clientId: 'cid', clientSecret: 'sec', secretIn: 'body' });
    expect(config.pkce).toBe(true);
    expect(config.redirect).toEqual({
      kind: 'loopback',
      port: FATHOM_DEFAULT_REDIRECT_PORT,
      path: '/fathom/callback',
    });
    expect(providerVaultKey(config)).toBe('fathom:cid');
    expect(fathomRedirectUri()).toBe(
      `http://127.0.0.1:${FATHOM_DEFAULT_REDIRECT_PORT}/fathom/callback`,
    );
  });

  it('takes other hosts (the sandbox), a port, and pkce', () => {
    const config = fathomProviderConfig({
      clientId: 'cid',
      clientSecret: 'sec',
      oauthBaseUrl: 'http://127.0.0.1:4000/',
      apiBaseUrl: 'http://127.0.0.1:4000/external/v1/',
      redirectPort: 50123,
      pkce: false,
    });
    expect(config.server.token_endpoint).toBe('http://127.0.0.1:4000/external/v1/oauth2/token');
    expect(config.apiBaseUrl).toBe('http://127.0.0.1:4000/external/v1');
    expect(config.redirect).toMatchObject({ port: 50123 });
    expect(config.pkce).toBe(false);
  });

  it('an authorization URL without a challenge carries no PKCE parameters', () => {
    const config = fathomProviderConfig({ clientId: 'cid', clientSecret: 'sec' });
    const url = buildAuthorizationUrl(config.server, {
      clientId: 'cid',
      redirectUri: fathomRedirectUri(),
      state: 's',
      scope: 'public_api',
    });
    expect([...url.searchParams.keys()].sort()).toEqual([
      'client_id',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
    ]);
  });

  it("token failures speak Fathom's name and end the session with fathom_session_expired", () => {
    const { wording } = fathomProviderConfig({ clientId: 'cid', clientSecret: 'sec' });
    const dead = classifyTokenFailure(
      { kind: 'http', status: 400, error: 'invalid_grant' },
      'refresh_token',
      0,
      wording,
    );
    expect(dead).toMatchObject({ code: 'fathom_session_expired', transient: false });
    expect(dead.message).toContain('Fathom');
    const offline = classifyTokenFailure({ kind: 'network' }, 'refresh_token', 0, wording);
    expect(offline.message).toMatch(/^Fathom could not be reached/);
    const client = classifyTokenFailure(
      { kind: 'http', status: 401, error: 'invalid_client' },
      'authorization_code',
      0,
      wording,
    );
    expect(client).toMatchObject({ code: 'invalid_client' });
    expect(client.message).not.toContain('ZOOM');
  });
});
