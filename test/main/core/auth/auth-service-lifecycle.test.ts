import { describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../../../main/core/auth/auth-service.types.ts';
import { parseTokenSet } from '../../../../main/core/auth/token-set.ts';
import type { SettingsStore } from '../../../../main/core/ports.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';
import { useAuthFixtures } from './auth-service.fixture.ts';
import { createGatedSecretStore } from './gated-secret-store.ts';

const HOUR = 3_600_000;
const setup = useAuthFixtures();

const storedRefreshToken = (entries: Map<string, string>) =>
  parseTokenSet([...entries.values()][0] ?? null)?.refreshToken ?? null;

describe('auth service: sign-out never waits', () => {
  it('is signed out, and has told the listeners, before anything is awaited', async () => {
    const f = setup();
    await f.signIn();
    const heard: AuthStatus[] = [];
    f.auth.onStatusChange((status) => heard.push(status));
    f.endpoint.hold(); // the revoke will hang
    const result = f.auth.signOut();
    expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
    expect(heard).toEqual([{ kind: 'signed-out', reason: null }]);
    await expect(f.auth.getAccessToken()).rejects.toMatchObject({ code: 'not_signed_in' });
    await f.clock.advance(5_000);
    await expect(result).resolves.toEqual({ serverRevoked: false, revocation: 'not-confirmed' });
    f.endpoint.release();
  });

  it('abandons a stalled refresh: done within the grace and the revoke bound, secrets wiped', async () => {
    const secrets = createMemorySecretStore();
    const sent: string[] = [];
    const f = setup({
      secrets,
      overrides: {
        fetch: (input, init) => {
          sent.push(new URLSearchParams(String(init?.body)).get('grant_type') ?? 'revoke');
          return f.endpoint.fetch(input, init);
        },
      },
    });
    await f.signIn();
    await f.auth.drain(1_000);
    f.clock.jump(HOUR); // expired: the next caller refreshes
    f.endpoint.hold(); // …and the token endpoint never answers
    const caller = f.auth.getAccessToken().catch((error: unknown) => error);
    await f.clock.advance(0);
    expect(sent).toEqual(['authorization_code', 'refresh_token']);
    let settled = false;
    const result = f.auth.signOut().finally(() => (settled = true));
    expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
    await f.clock.advance(0);
    expect(secrets.entries().size).toBe(0);
    await f.clock.advance(5_999); // 1 s grace for the rotation, then 5 s for the revoke
    expect(settled).toBe(false);
    await f.clock.advance(1);
    await expect(result).resolves.toEqual({ serverRevoked: false, revocation: 'not-confirmed' });

    // The stalled refresh answers at last: its tokens are revoked, never stored or used.
    f.endpoint.release();
    expect(await caller).toMatchObject({ code: 'not_signed_in' });
    await f.clock.advance(0);
    expect(secrets.entries().size).toBe(0);
    expect(f.endpoint.currentRefreshToken()).toBeNull();
    expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
  });

  it('revokes the newest refresh token when a rotation lands within the grace', async () => {
    const secrets = createMemorySecretStore();
    const f = setup({ secrets });
    await f.signIn();
    f.clock.jump(HOUR);
    f.endpoint.hold();
    const caller = f.auth.getAccessToken().catch((error: unknown) => error);
    await f.clock.advance(0);
    const result = f.auth.signOut();
    f.endpoint.release(); // the server rotates while sign-out waits for it
    await f.clock.advance(0);
    await expect(result).resolves.toEqual({ serverRevoked: true, revocation: 'revoked' });
    expect(f.endpoint.currentRefreshToken()).toBeNull();
    expect(secrets.entries().size).toBe(0);
    expect(await caller).toMatchObject({ code: 'not_signed_in' });
  });

  it('wipes after a save already under way, so nothing is left in the keychain', async () => {
    const gated = createGatedSecretStore();
    const f = setup({ secrets: gated.store });
    await f.signIn();
    await f.auth.drain(1_000);
    f.clock.jump(HOUR);
    gated.hold();
    const caller = f.auth.getAccessToken().catch((error: unknown) => error);
    await gated.writeStarted(2); // rotated at the server, the keychain write is in progress
    const result = f.auth.signOut();
    gated.release();
    await f.clock.advance(0);
    await expect(result).resolves.toEqual({ serverRevoked: true, revocation: 'revoked' });
    expect(gated.entries().size).toBe(0);
    expect(await caller).toMatchObject({ code: 'not_signed_in' });
  });
});

describe('auth service: quit waits for the keychain (drain)', () => {
  it('a quit between "server rotated" and "keychain committed" keeps the session', async () => {
    const gated = createGatedSecretStore();
    const f = setup({ secrets: gated.store });
    await f.signIn();
    await f.auth.drain(1_000);
    f.clock.jump(HOUR);
    gated.hold();
    void f.auth.getAccessToken().catch(() => undefined);
    await gated.writeStarted(2);
    const rotated = f.endpoint.currentRefreshToken();
    expect(storedRefreshToken(gated.entries())).not.toBe(rotated); // the old one: dead at the server

    // Quit: stop everything, then wait for the commit before exiting.
    await f.auth.dispose();
    let drained = false;
    const draining = f.auth.drain(5_000).then(() => (drained = true));
    await f.clock.advance(1_000);
    expect(drained).toBe(false);
    gated.release();
    await draining;
    expect(storedRefreshToken(gated.entries())).toBe(rotated);

    // Restart: the stored refresh token is the live one, and it refreshes fine.
    const restarted = setup({ secrets: gated.store, overrides: { fetch: f.endpoint.fetch } });
    restarted.clock.jump(2 * HOUR);
    await restarted.auth.restore();
    await expect(restarted.auth.getAccessToken()).resolves.toBeTruthy();
    expect(restarted.auth.status()).toEqual({ kind: 'signed-in' });
  });

  it('gives up after its bound when the keychain never answers', async () => {
    const gated = createGatedSecretStore();
    const f = setup({ secrets: gated.store });
    await f.signIn();
    await f.auth.drain(1_000);
    f.clock.jump(HOUR);
    gated.hold();
    void f.auth.getAccessToken().catch(() => undefined);
    await gated.writeStarted(2);
    let drained = false;
    const draining = f.auth.drain(5_000).then(() => (drained = true));
    await f.clock.advance(4_999);
    expect(drained).toBe(false);
    await f.clock.advance(1);
    await draining;
    expect(drained).toBe(true);
    gated.release();
  });

  it('returns at once when nothing is in flight', async () => {
    const f = setup();
    await f.signIn();
    await f.auth.drain(1_000);
    await expect(f.auth.drain(5_000)).resolves.toBeUndefined();
  });
});

describe('auth service: first sign-in saves beside the first fetch', () => {
  it('resolves with the tokens in memory while the keychain write is still running', async () => {
    const gated = createGatedSecretStore();
    gated.hold();
    const f = setup({ secrets: gated.store });
    await f.signIn();
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
    await expect(f.auth.getAccessToken()).resolves.toBeTruthy();
    expect(gated.entries().size).toBe(0);
    gated.release();
    await f.auth.drain(1_000);
    expect(storedRefreshToken(gated.entries())).toBe(f.endpoint.currentRefreshToken());
  });

  it('a refresh waits for that save to commit before rotating', async () => {
    const gated = createGatedSecretStore();
    gated.hold();
    const f = setup({ secrets: gated.store });
    await f.signIn();
    const first = await f.auth.getAccessToken();
    const forced = f.auth.getAccessToken({
      forceRefresh: true,
      rejectedAccessToken: first.accessToken,
    });
    await f.clock.advance(0);
    expect(f.endpoint.counts.refresh).toBe(0);
    gated.release();
    const renewed = await forced;
    expect(f.endpoint.counts.refresh).toBe(1);
    await f.auth.drain(1_000);
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(storedRefreshToken(gated.entries())).toBe(f.endpoint.currentRefreshToken());
  });

  it('a failed save ends in session-only mode and says so', async () => {
    let failWrites = true;
    const inner = createMemorySecretStore();
    const secrets = {
      get: inner.get,
      delete: inner.delete,
      async set(key: string, value: string) {
        if (failWrites) throw new Error("Couldn't access platform storage: AccessDenied");
        await inner.set(key, value);
      },
    };
    const f = setup({ secrets });
    await f.signIn();
    const heardBefore = f.statuses.length;
    await f.auth.drain(1_000);
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
    expect(f.auth.sessionOnlyNotice()).toMatchObject({ code: 'keychain_unavailable' });
    expect(f.statuses.length).toBe(heardBefore + 1);
    expect(f.statuses.at(-1)).toEqual({ kind: 'signed-in' });
    // Still signed in for this run, and nothing is written later either.
    failWrites = false;
    f.clock.jump(HOUR);
    await expect(f.auth.getAccessToken()).resolves.toBeTruthy();
    expect(inner.entries().size).toBe(0);
  });
});

describe('auth service: an unwritable data directory', () => {
  const brokenSettings = (): SettingsStore => ({
    get: () => undefined,
    set() {
      throw Object.assign(new Error('EACCES: permission denied, open settings.json'), {
        code: 'EACCES',
      });
    },
    delete() {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    },
  });

  it('signs in, refreshes and signs out all the same, and logs no secret', async () => {
    const secrets = createMemorySecretStore();
    const f = setup({ secrets, overrides: { settings: brokenSettings() } });
    await f.signIn();
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
    f.clock.jump(HOUR);
    await expect(f.auth.getAccessToken()).resolves.toBeTruthy();
    expect(f.endpoint.counts.refresh).toBe(1);
    await expect(f.auth.signOut()).resolves.toEqual({ serverRevoked: true, revocation: 'revoked' });
    expect(secrets.entries().size).toBe(0);
    expect(f.logger.text()).toContain('could not write settings');
    for (const secret of f.endpoint.issuedSecrets()) expect(f.logger.text()).not.toContain(secret);
  });
});

describe('auth service: start after expiry', () => {
  it('restore resolves signed-in before the token request returns', async () => {
    const secrets = createMemorySecretStore();
    const f = setup({ secrets });
    await f.signIn();
    await f.auth.drain(1_000);
    let refreshesSent = 0;
    const restarted = setup({
      secrets,
      overrides: {
        fetch: (input, init) => {
          refreshesSent += 1;
          return f.endpoint.fetch(input, init);
        },
      },
    });
    restarted.clock.jump(2 * HOUR);
    f.endpoint.hold();
    await restarted.auth.restore();
    expect(restarted.auth.status()).toEqual({ kind: 'signed-in' });
    await restarted.clock.advance(0);
    expect(refreshesSent).toBe(1); // asked for, not yet answered
    expect(f.endpoint.counts.refresh).toBe(0);
    f.endpoint.release();
    await expect(restarted.auth.getAccessToken()).resolves.toBeTruthy();
    expect(refreshesSent).toBe(1);
    expect(f.endpoint.counts.refresh).toBe(1);
  });
});
