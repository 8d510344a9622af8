// Sign-in against a standard OAuth 2.0 server found by RFC 8414 discovery (oidc-provider),
// with the real OS keychain and real HTTP on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthService } from '../../../main/core/auth/auth-service.types.ts';
import type { AuthProviderConfig } from '../../../main/core/config/auth-config.types.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { createAuthHarness, createTestKeychain } from '../../helpers/auth-harness.ts';
import { startOidcProvider, type TestAuthorizationServer } from '../../helpers/oidc-provider.ts';

let op: TestAuthorizationServer;
let provider: AuthProviderConfig;
const services: AuthService[] = [];

beforeAll(async () => {
  op = await startOidcProvider({ accessTokenTtlSeconds: 60 });
  provider = {
    server: await op.discover(),
    client: { clientId: op.clientId },
    apiBaseUrl: `${op.issuer}/api`,
    redirect: { kind: 'loopback' },
    scope: 'meetings',
  };
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
});
afterAll(async () => {
  await op.close();
});

function start(
  keychain: ReturnType<typeof createTestKeychain>,
  clock = createFakeClock(Date.now()),
  consent = op.approve,
) {
  const harness = createAuthHarness({ provider, secrets: keychain.secrets, clock, consent });
  services.push(harness.auth);
  return { ...harness, clock };
}

async function refreshWith(refreshToken: string): Promise<{ status: number; error?: string }> {
  const response = await fetch(provider.server.token_endpoint!, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: op.clientId,
    }),
  });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, ...(body.error ? { error: body.error } : {}) };
}

describe('auth against oidc-provider (RFC 8414 discovery, public client, PKCE)', () => {
  it('signs in, restarts from the keychain, refreshes with rotation, and revokes', async () => {
    const keychain = createTestKeychain();
    const first = start(keychain);
    await first.auth.signIn();
    expect(first.auth.status()).toEqual({ kind: 'signed-in' });
    await first.auth.drain(5_000); // the first save runs beside the first fetch; quit waits for it
    expect((await first.pages[0])?.body).toContain('signed in — you can close this tab');
    expect(await keychain.entries()).not.toHaveLength(0);

    // Restart while the access token is valid: no token request.
    const before = op.counts.token;
    const second = start(keychain, createFakeClock(first.clock.now()));
    await second.auth.restore();
    expect(second.auth.status()).toEqual({ kind: 'signed-in' });
    const grant = await second.auth.getAccessToken();
    expect(op.counts.token).toBe(before);

    // Restart after it expired: exactly one token request.
    const third = start(keychain, createFakeClock(first.clock.now() + 61_000));
    await third.auth.restore();
    expect(third.auth.status()).toEqual({ kind: 'signed-in' });
    const fresh = await third.auth.getAccessToken();
    expect(op.counts.token).toBe(before + 1);
    expect(fresh.accessToken).not.toBe(grant.accessToken);

    // Rotation: several refreshes in a row; a reused refresh token would revoke the grant.
    for (let i = 0; i < 3; i += 1) {
      third.clock.jump(61_000);
      await third.auth.getAccessToken();
    }
    expect(third.auth.status()).toEqual({ kind: 'signed-in' });
    expect(op.counts.token).toBe(before + 4);

    const stored = JSON.parse(
      (await keychain.secrets.get(
        (await keychain.entries()).find((a) => a.startsWith('oauth-tokens'))!,
      ))!,
    ) as { refreshToken: string };
    const revocationsBefore = op.counts.revocation;
    await expect(third.auth.signOut()).resolves.toEqual({
      serverRevoked: true,
      revocation: 'revoked',
    });
    expect(op.counts.revocation).toBe(revocationsBefore + 1);
    expect(await keychain.entries()).toEqual([]);
    expect(await refreshWith(stored.refreshToken)).toEqual({ status: 400, error: 'invalid_grant' });
  });

  it('reports access_denied when the person declines', async () => {
    const keychain = createTestKeychain();
    const harness = start(keychain, createFakeClock(Date.now()), op.deny);
    await expect(harness.auth.signIn()).rejects.toMatchObject({ code: 'access_denied' });
    expect(await keychain.entries()).toEqual([]);
  });

  it('a refresh token replayed elsewhere ends our session cleanly (reuse detection)', async () => {
    const keychain = createTestKeychain();
    const harness = start(keychain);
    await harness.auth.signIn();
    await harness.auth.drain(5_000);
    const account = (await keychain.entries()).find((a) => a.startsWith('oauth-tokens'))!;
    const stolen = (JSON.parse((await keychain.secrets.get(account))!) as { refreshToken: string })
      .refreshToken;
    harness.clock.jump(61_000);
    await harness.auth.getAccessToken(); // rotates; `stolen` is now spent
    expect((await refreshWith(stolen)).error).toBe('invalid_grant'); // the server revokes the whole grant
    harness.clock.jump(61_000);
    await expect(harness.auth.getAccessToken()).rejects.toMatchObject({ code: 'session_expired' });
    expect(harness.auth.status()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'session_expired' },
    });
    expect(await keychain.entries()).toEqual([]);
  });
});
