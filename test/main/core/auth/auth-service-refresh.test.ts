import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors.ts';
import { nextRefreshAt } from '../../../../main/core/auth/refresh-schedule.ts';
import { createAuthService } from '../../../../main/core/auth/auth-service.ts';
import { parseTokenSet } from '../../../../main/core/auth/token-set.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';
import { useAuthFixtures } from './auth-service.fixture.ts';

const HOUR = 3_600_000;
const MIN = 60_000;
const setup = useAuthFixtures();

const storedTokens = (secrets: ReturnType<typeof createMemorySecretStore>) =>
  parseTokenSet([...secrets.entries().values()][0] ?? null);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('auth service: access tokens and refresh', () => {
  it('hands out the current token without a request while it has ≥ 120 s left, and refreshes first below that', async () => {
    const f = setup();
    await f.signIn();
    const first = await f.auth.getAccessToken();
    expect(f.endpoint.counts.refresh).toBe(0);
    // The proactive timer would refresh at 54 min; jump the wall clock past it without firing timers.
    f.clock.jump(HOUR - 120_000);
    expect((await f.auth.getAccessToken()).accessToken).toBe(first.accessToken);
    f.clock.jump(1);
    const second = await f.auth.getAccessToken();
    expect(f.endpoint.counts.refresh).toBe(1);
    expect(second.accessToken).not.toBe(first.accessToken);
  });

  it('a forced refresh replaces a rejected token however young it is', async () => {
    const f = setup();
    await f.signIn();
    f.clock.jump(1_000);
    const rejected = await f.auth.getAccessToken();
    const renewed = await f.auth.getAccessToken({
      forceRefresh: true,
      rejectedAccessToken: rejected.accessToken,
    });
    expect(f.endpoint.counts.refresh).toBe(1);
    expect(renewed.accessToken).not.toBe(rejected.accessToken);
  });

  it('a forced refresh for a token already replaced uses the replacement without a request', async () => {
    const f = setup();
    await f.signIn();
    const rejected = await f.auth.getAccessToken();
    const force = { forceRefresh: true, rejectedAccessToken: rejected.accessToken };
    const first = await f.auth.getAccessToken(force);
    const second = await f.auth.getAccessToken(force);
    expect(f.endpoint.counts.refresh).toBe(1);
    expect(second.accessToken).toBe(first.accessToken);
  });

  it('single flight: 100 concurrent callers share one token request', async () => {
    const f = setup();
    await f.signIn();
    f.clock.jump(HOUR);
    f.endpoint.hold();
    const callers = Array.from({ length: 100 }, () => f.auth.getAccessToken());
    f.endpoint.release();
    const grants = await Promise.all(callers);
    expect(f.endpoint.counts.refresh).toBe(1);
    expect(new Set(grants.map((g) => g.accessToken)).size).toBe(1);
  });

  it('over a simulated day with 1-hour tokens, refreshes exactly as often as the rule implies', async () => {
    const f = setup();
    await f.signIn();
    const period = HOUR - nextRefreshAt({ obtainedAt: 0, expiresAt: HOUR }, () => 0); // lead = max(5 min, 6 min)
    const expected = Math.floor((24 * HOUR) / (HOUR - period));
    expect(expected).toBe(26);
    for (let minute = 0; minute < 24 * 60; minute += 1) {
      await f.clock.advance(MIN);
      // Callers in between never see a token with less than 120 s left.
      const grant = await f.auth.getAccessToken();
      expect(grant.accessToken).toBeTruthy();
    }
    expect(f.endpoint.counts.refresh).toBe(expected);
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
  });

  it('refreshes proactively at expiry − 6 min for a 1-hour token', async () => {
    const f = setup();
    await f.signIn();
    await f.clock.advance(54 * MIN - 1);
    expect(f.endpoint.counts.refresh).toBe(0);
    await f.clock.advance(1);
    expect(f.endpoint.counts.refresh).toBe(1);
  });

  it('catches up after sleep: the wall-clock tick refreshes within a minute of waking', async () => {
    const f = setup();
    await f.signIn();
    f.clock.jump(2 * HOUR); // asleep: no timers fired
    expect(f.endpoint.counts.refresh).toBe(0);
    await f.clock.advance(MIN);
    expect(f.endpoint.counts.refresh).toBe(1);
  });

  it('a wake event re-checks at once', async () => {
    const f = setup();
    await f.signIn();
    f.clock.jump(HOUR);
    f.wake.fire('resume');
    await f.clock.advance(0);
    expect(f.endpoint.counts.refresh).toBe(1);
  });

  it('writes the rotated refresh token to the keychain before handing out the new access token', async () => {
    const inner = createMemorySecretStore();
    const order: string[] = [];
    let releaseWrite: (() => void) | null = null;
    const secrets = {
      get: inner.get,
      delete: inner.delete,
      async set(key: string, value: string) {
        order.push('keychain write started');
        if (releaseWrite === null && order.length > 1)
          await new Promise<void>((resolve) => (releaseWrite = resolve));
        await inner.set(key, value);
        order.push('keychain write done');
      },
    };
    const f = setup({ secrets });
    await f.signIn();
    const oldRefresh = f.endpoint.currentRefreshToken();
    f.clock.jump(HOUR);
    const pending = f.auth.getAccessToken().then((grant) => {
      order.push('token handed out');
      return grant;
    });
    await f.clock.advance(0);
    expect(order.at(-1)).toBe('keychain write started');
    (releaseWrite as unknown as () => void)();
    await pending;
    expect(order.slice(-2)).toEqual(['keychain write done', 'token handed out']);
    const stored = storedTokens(inner);
    expect(stored?.refreshToken).toBe(f.endpoint.currentRefreshToken());
    expect(stored?.refreshToken).not.toBe(oldRefresh);
  });

  describe('transient failures keep the session', () => {
    it('a valid token keeps working; once it has expired the next caller makes a real attempt', async () => {
      const f = setup();
      await f.signIn();
      const before = await f.auth.getAccessToken();
      f.clock.jump(HOUR - 30_000);
      f.endpoint.failNext({ status: 503 });
      expect((await f.auth.getAccessToken()).accessToken).toBe(before.accessToken);
      expect(f.auth.status()).toEqual({ kind: 'signed-in' });
      f.clock.jump(45_000); // now expired: the backoff never outlasts the token it protects
      f.endpoint.failNext({ status: 503 });
      expect((await errorOf(f.auth.getAccessToken())).code).toBe('server_error');
      expect(f.endpoint.counts.refresh).toBe(2);
    });

    it.each([
      ['offline', 'network' as const],
      ['rate_limited', { status: 429, headers: { 'retry-after': '600' } }],
      ['server_error', { status: 502 }],
    ])('%s on an expired token', async (code, failure) => {
      const f = setup();
      await f.signIn();
      f.clock.jump(HOUR + 1);
      f.endpoint.failNext(failure);
      expect((await errorOf(f.auth.getAccessToken())).code).toBe(code);
      expect(f.auth.status()).toEqual({ kind: 'signed-in' });
    });

    it('backs off 1, 2, 4 … minutes while the token is valid, honours Retry-After, and recovers', async () => {
      const f = setup();
      await f.signIn();
      f.clock.jump(30 * MIN); // asleep; the refresh is due at 54 min and the token valid until 60
      await f.clock.advance(24 * MIN - 30_000);
      expect(f.endpoint.counts.refresh).toBe(0);
      f.endpoint.failNext('network', 'network', 'network');
      await f.clock.advance(30_000); // 54:00 attempt 1 fails → retry in 1 min
      expect(f.endpoint.counts.refresh).toBe(1);
      await f.clock.advance(MIN); // 55:00 attempt 2 fails → retry in 2 min
      expect(f.endpoint.counts.refresh).toBe(2);
      await f.clock.advance(MIN);
      expect(f.endpoint.counts.refresh).toBe(2);
      await f.clock.advance(MIN); // 57:00 attempt 3 fails → 4 min would pass expiry: retry at 60:00
      expect(f.endpoint.counts.refresh).toBe(3);
      await f.clock.advance(2 * MIN);
      expect(f.endpoint.counts.refresh).toBe(3);
      await f.clock.advance(MIN); // 60:00 attempt 4 succeeds
      expect(f.endpoint.counts.refresh).toBe(4);
      expect(f.auth.status()).toEqual({ kind: 'signed-in' });

      f.clock.jump(54 * MIN);
      f.endpoint.failNext({ status: 429, headers: { 'retry-after': '900' } });
      await f.clock.advance(MIN / 2); // attempt 5 (on the first tick): rate limited for 15 minutes
      expect(f.endpoint.counts.refresh).toBe(5);
      f.wake.fire('online'); // a wake does not override a server's Retry-After
      await f.clock.advance(14 * MIN);
      expect(f.endpoint.counts.refresh).toBe(5);
      await f.clock.advance(MIN);
      expect(f.endpoint.counts.refresh).toBe(6);
    });

    it('coming back online retries at once instead of waiting out the backoff', async () => {
      const f = setup();
      await f.signIn();
      f.clock.jump(HOUR + 1);
      f.endpoint.failNext('network');
      await errorOf(f.auth.getAccessToken());
      f.wake.fire('online');
      await f.clock.advance(0);
      expect(f.endpoint.counts.refresh).toBe(2);
      await expect(f.auth.getAccessToken()).resolves.toBeTruthy();
    });
  });

  describe('terminal failures end the session', () => {
    it.each([
      [
        'Zoom invalid_grant',
        { reason: 'Invalid Token!', error: 'invalid_grant' },
        'session_expired',
      ],
      [
        'older Zoom invalid_request',
        { reason: 'Invalid Token!', error: 'invalid_request' },
        'session_expired',
      ],
      [
        'invalid_client',
        { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
        'invalid_client',
      ],
    ])('%s clears the keychain and signs out with a reason', async (_name, body, code) => {
      const secrets = createMemorySecretStore();
      const f = setup({ secrets });
      await f.signIn();
      expect(secrets.entries().size).toBe(1);
      f.clock.jump(HOUR);
      f.endpoint.failNext({ status: 400, body });
      expect((await errorOf(f.auth.getAccessToken())).code).toBe(code);
      expect(secrets.entries().size).toBe(0);
      expect(f.auth.status()).toMatchObject({ kind: 'signed-out', reason: { code } });
      if (code === 'session_expired') {
        expect(f.auth.status()).toMatchObject({
          reason: { message: 'Your Zoom session ended — sign in again' },
        });
      }
      expect((await errorOf(f.auth.getAccessToken())).code).toBe('not_signed_in');
      await f.clock.advance(HOUR);
      expect(f.endpoint.counts.refresh).toBe(1);
    });
  });

  describe('restart', () => {
    it('restores from the keychain with no token request while the access token is valid', async () => {
      const secrets = createMemorySecretStore();
      const f = setup({ secrets });
      await f.signIn();
      const restarted = setup({ secrets, overrides: { fetch: f.endpoint.fetch } });
      restarted.clock.jump(30 * MIN);
      await restarted.auth.restore();
      expect(restarted.auth.status()).toEqual({ kind: 'signed-in' });
      await restarted.auth.getAccessToken();
      expect(f.endpoint.counts.token).toBe(1);
    });

    it('makes exactly one token request when the stored access token has expired', async () => {
      const secrets = createMemorySecretStore();
      const f = setup({ secrets });
      await f.signIn();
      const restarted = setup({ secrets, overrides: { fetch: f.endpoint.fetch } });
      restarted.clock.jump(2 * HOUR);
      await restarted.auth.restore();
      await restarted.auth.getAccessToken();
      expect(restarted.auth.status()).toEqual({ kind: 'signed-in' });
      expect(f.endpoint.counts.refresh).toBe(1);
    });

    it('is signed out with no keychain entry and treats a corrupt entry as signed out', async () => {
      const secrets = createMemorySecretStore();
      const f = setup({ secrets });
      await f.auth.restore();
      expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
      await secrets.set('oauth-tokens:unit-test-client@auth.example.test', '{not json');
      const g = setup({ secrets });
      await g.auth.restore();
      expect(g.auth.status().kind).toBe('signed-out');
    });
  });

  it('the token never appears in settings or logs', async () => {
    const f = setup();
    await f.signIn();
    f.clock.jump(HOUR);
    await f.auth.getAccessToken();
    const haystack = JSON.stringify(f.settings.snapshot()) + f.logger.text();
    for (const secret of f.endpoint.issuedSecrets()) expect(haystack).not.toContain(secret);
  });

  it('is a factory: two services keep separate state', () => {
    const f = setup();
    const other = createAuthService({ ...f.deps });
    expect(other.status()).toEqual({ kind: 'signed-out', reason: null });
  });
});
