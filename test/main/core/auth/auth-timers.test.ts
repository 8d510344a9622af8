import { describe, expect, it } from 'vitest';
import { createAuthService } from '../../../../main/core/auth/auth-service.ts';
import { createRefreshScheduler } from '../../../../main/core/auth/refresh-scheduler.ts';
import { MAX_TIMER_DELAY_MS } from '../../../../main/core/auth/refresh-schedule.ts';
import { serializeTokenSet } from '../../../../main/core/auth/token-set.ts';
import { tokenVaultKey } from '../../../../main/core/auth/token-vault.ts';
import type { Clock } from '../../../../main/core/ports.ts';
import { createMinuteTicks } from '../../../../main/core/time/minute-ticker.ts';
import { createFakeClock, type FakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeWakeEvents } from '../../../fakes/fake-wake-events.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';
import { useAuthFixtures } from './auth-service.fixture.ts';

const HOUR = 3_600_000;
const setup = useAuthFixtures();

/** A fake clock that counts how often a timer woke the process, and the delays asked for. */
function countingClock(inner: FakeClock) {
  const delays: number[] = [];
  let wakeUps = 0;
  const clock: Clock = {
    now: () => inner.now(),
    clearTimeout: (handle) => inner.clearTimeout(handle),
    setTimeout(callback, ms) {
      delays.push(ms);
      return inner.setTimeout(() => {
        wakeUps += 1;
        callback();
      }, ms);
    },
  };
  return { clock, delays, wakeUps: () => wakeUps };
}

describe('refresh timers', () => {
  it('on the shared minute ticks an idle signed-in day costs no timer of its own', async () => {
    const f = setup();
    const counting = countingClock(f.clock);
    const ticks = createMinuteTicks({ clock: counting.clock });
    let tickCount = 0;
    ticks.onMinute(() => (tickCount += 1)); // the tray countdown, say
    const auth = createAuthService({ ...f.deps, clock: counting.clock, minuteTicks: ticks });
    f.approveInBrowser();
    await auth.signIn();

    await f.clock.advance(24 * HOUR);
    expect(counting.wakeUps()).toBe(tickCount); // every wake-up was a shared tick
    expect(counting.wakeUps()).toBeLessThanOrEqual(24 * 61);
    expect(f.endpoint.counts.refresh).toBe(26); // one every 54 minutes
    await expect(auth.getAccessToken()).resolves.toBeTruthy();
    await auth.dispose();
    ticks.stop();
  });

  it('a short-lived token still gets a timer where a tick would come too late', async () => {
    const f = setup({ expiresIn: 120 });
    const ticks = createMinuteTicks({ clock: f.clock });
    const auth = createAuthService({ ...f.deps, minuteTicks: ticks });
    f.clock.jump(20_000); // signed in at :20, so the refresh time and the ticks do not line up
    f.approveInBrowser();
    await auth.signIn();
    // A 120 s token is refreshed 60 s in (at :20); the ticks come at :00, too early and too late.
    await f.clock.advance(60_000 - 1);
    expect(f.endpoint.counts.refresh).toBe(0);
    await f.clock.advance(1);
    expect(f.endpoint.counts.refresh).toBe(1);
    await auth.dispose();
    ticks.stop();
  });

  it('caps a timer far in the future, and checks again when it fires', async () => {
    const inner = createFakeClock();
    const counting = countingClock(inner);
    const reasons: string[] = [];
    const scheduler = createRefreshScheduler({
      clock: counting.clock,
      wake: createFakeWakeEvents(),
      check: (reason) => reasons.push(reason),
      minuteTicks: { onMinute: () => () => undefined },
    });
    const farAway = inner.now() + 1e15; // beyond setTimeout's 2^31−1 ms
    scheduler.arm(farAway, farAway);
    expect(Math.max(...counting.delays)).toBe(MAX_TIMER_DELAY_MS);
    expect(MAX_TIMER_DELAY_MS).toBeLessThan(2 ** 31 - 1);
    await inner.advance(MAX_TIMER_DELAY_MS);
    expect(reasons).toEqual(['timer']);
    scheduler.stop();
  });

  it('an absurd stored expiry never asks setTimeout for more than the cap', async () => {
    const secrets = createMemorySecretStore();
    const f = setup({ secrets });
    const counting = countingClock(f.clock);
    const now = f.clock.now();
    await secrets.set(
      tokenVaultKey(f.endpoint.provider.server.issuer, f.endpoint.provider.client.clientId),
      serializeTokenSet({
        accessToken: 'stored-access',
        refreshToken: 'stored-refresh',
        obtainedAt: now,
        expiresAt: now + 1e15,
        apiBaseUrl: 'https://api.example.test/v2',
      }),
    );
    const g = setup({ secrets, overrides: { clock: counting.clock } });
    await g.auth.restore();
    await f.clock.advance(3 * HOUR);
    expect(g.auth.status()).toEqual({ kind: 'signed-in' });
    expect(Math.max(0, ...counting.delays)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    await expect(g.auth.getAccessToken()).resolves.toMatchObject({ accessToken: 'stored-access' });
  });

  it('expires_in of 1 s does not turn into a refresh loop', async () => {
    const f = setup({ expiresIn: 1 });
    await f.signIn();
    await f.clock.advance(10_000);
    expect(f.endpoint.counts.refresh).toBeLessThanOrEqual(1);
    await expect(f.auth.getAccessToken()).resolves.toBeTruthy();
  });

  it('stops every timer and listener at sign-out', async () => {
    const f = setup();
    const ticks = createMinuteTicks({ clock: f.clock });
    const auth = createAuthService({ ...f.deps, minuteTicks: ticks });
    f.approveInBrowser();
    await auth.signIn();
    expect(f.wake.listenerCount()).toBe(1);
    await auth.signOut();
    expect(f.wake.listenerCount()).toBe(0);
    await f.clock.advance(10_000); // the sign-in page's linger
    expect(f.clock.pendingTimers()).toBe(0); // the shared ticks stop when nobody listens
    await auth.dispose();
  });
});
