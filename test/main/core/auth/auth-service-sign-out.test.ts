import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../../../main/core/ports.ts';
import { SESSION_SETTINGS_KEY } from '../../../../main/core/auth/auth-service.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';
import { useAuthFixtures } from './auth-service.fixture.ts';

const setup = useAuthFixtures();

describe('auth service: sign-out', () => {
  it('revokes the refresh token in the request body, then deletes local secrets', async () => {
    const secrets = createMemorySecretStore();
    const requests: { url: string; body: string }[] = [];
    const spy: Fetch = async (input, init) => {
      requests.push({ url: String(input), body: String(init?.body ?? '') });
      return f.endpoint.fetch(input, init);
    };
    const f = setup({ secrets, overrides: { fetch: spy } });
    await f.signIn();
    const refreshToken = f.endpoint.currentRefreshToken()!;
    expect(f.settings.get(SESSION_SETTINGS_KEY)).toBeDefined();

    await expect(f.auth.signOut()).resolves.toEqual({ serverRevoked: true, revocation: 'revoked' });
    const revoke = requests.find((r) => r.url.endsWith('/oauth/revoke'))!;
    expect(revoke.url).not.toContain('token=');
    expect(new URLSearchParams(revoke.body).get('token')).toBe(refreshToken);
    expect(f.endpoint.currentRefreshToken()).toBeNull();
    expect(secrets.entries().size).toBe(0);
    expect(f.settings.get(SESSION_SETTINGS_KEY)).toBeUndefined();
    expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
    await expect(f.auth.getAccessToken()).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it.each([
    ['offline', 'network' as const],
    ['a server error', { status: 500 }],
    ['a refusal', { status: 401, body: { error: 'invalid_client' } }],
  ])('deletes local secrets even when revoke fails with %s', async (_name, failure) => {
    const secrets = createMemorySecretStore();
    const f = setup({ secrets });
    await f.signIn();
    f.endpoint.failNext(failure);
    await expect(f.auth.signOut()).resolves.toEqual({
      serverRevoked: false,
      revocation: 'not-confirmed',
    });
    expect(secrets.entries().size).toBe(0);
    expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
  });

  it('wipes local secrets at once and gives up on a hanging revoke after 5 s', async () => {
    const secrets = createMemorySecretStore();
    const f = setup({ secrets });
    await f.signIn();
    await f.auth.drain(1_000);
    expect(secrets.entries().size).toBe(1);
    f.endpoint.hold();
    let settled = false;
    const result = f.auth.signOut().finally(() => (settled = true));
    await f.clock.advance(4_999);
    // Quitting now would leave nothing behind: the wipe does not wait for the server.
    expect(secrets.entries().size).toBe(0);
    expect(settled).toBe(false);
    await f.clock.advance(1);
    await expect(result).resolves.toEqual({ serverRevoked: false, revocation: 'not-confirmed' });
    f.endpoint.release();
  });

  it('stops the refresh timers', async () => {
    const f = setup();
    await f.signIn();
    await f.auth.signOut();
    await f.clock.advance(48 * 3_600_000);
    expect(f.endpoint.counts.refresh).toBe(0);
    expect(f.wake.listenerCount()).toBe(0);
  });

  it('cancels a pending sign-in', async () => {
    const f = setup();
    const signIn = f.auth.signIn().catch((e: unknown) => e);
    await f.browserOpened();
    await expect(f.auth.signOut()).resolves.toEqual({ serverRevoked: true, revocation: 'revoked' });
    expect(await signIn).toMatchObject({ code: 'sign_in_cancelled' });
  });
});
