import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../../../main/core/ports.ts';
import { AppError } from '../../../../main/core/errors.ts';
import { useAuthFixtures } from './auth-service.fixture.ts';

const HOUR = 3_600_000;
const MIN = 60_000;
const setup = useAuthFixtures();

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The fixture's token endpoint behind a switch that answers 503 while "Zoom is down". */
function withOutage(jitter = 0.5) {
  const outage = { on: false };
  const refreshes: { at: number; ok: boolean }[] = [];
  const f = setup({
    overrides: {
      random: () => jitter,
      fetch: (async (input, init) => {
        const grant = new URLSearchParams(String(init?.body)).get('grant_type');
        if (grant === 'refresh_token') {
          const ok = !outage.on;
          refreshes.push({ at: f.clock.now(), ok });
          if (!ok) return new Response('<h1>503</h1>', { status: 503 });
        }
        return f.endpoint.fetch(input, init);
      }) satisfies Fetch,
    },
  });
  return { f, outage, refreshes };
}

describe('auth service: backoff that fits the state', () => {
  it('a valid token is back within a minute of a 40-minute outage ending, with no caller', async () => {
    const { f, outage, refreshes } = withOutage();
    await f.signIn();
    const signedInAt = f.clock.now();
    await f.clock.advance(50 * MIN);
    outage.on = true; // 50 → 90 min: the token expires at 60 min, in the middle of it
    await f.clock.advance(40 * MIN);
    outage.on = false;
    const healedAt = f.clock.now();
    await f.clock.advance(2 * MIN);

    const recovered = refreshes.find((r) => r.ok && r.at >= healedAt);
    expect(recovered).toBeDefined();
    expect(recovered!.at - healedAt).toBeLessThanOrEqual(MIN);
    // Once the token had expired, the attempts came within a minute of each other (jittered).
    const afterExpiry = refreshes.filter((r) => r.at >= signedInAt + HOUR && r.at <= healedAt);
    expect(afterExpiry.length).toBeGreaterThanOrEqual(30);
    for (const [i, r] of afterExpiry.entries()) {
      if (i === 0) continue;
      const gap = r.at - afterExpiry[i - 1]!.at;
      expect(gap).toBeGreaterThanOrEqual(MIN / 2);
      expect(gap).toBeLessThanOrEqual(MIN);
    }
    await expect(f.auth.getAccessToken()).resolves.toBeTruthy();
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
  });

  it('while the token is valid it backs off exponentially and never past expiry', async () => {
    const { f, outage, refreshes } = withOutage();
    await f.signIn();
    const signedInAt = f.clock.now();
    outage.on = true;
    await f.clock.advance(HOUR - 1);
    const minutes = refreshes.map((r) => (r.at - signedInAt) / MIN);
    expect(minutes).toEqual([54, 55, 57]); // then 4 min would pass 60: the next try is at expiry
    await f.clock.advance(1);
    expect(refreshes.map((r) => (r.at - signedInAt) / MIN)).toEqual([54, 55, 57, 60]);
  });

  it("a person's Refresh makes a real attempt even while backing off", async () => {
    const { f, outage, refreshes } = withOutage();
    await f.signIn();
    f.clock.jump(HOUR + 1);
    outage.on = true;
    expect((await errorOf(f.auth.getAccessToken())).code).toBe('server_error');
    expect(refreshes).toHaveLength(1);
    // The automatic retry is 30–60 s away; a background caller gets the failure without a request.
    expect((await errorOf(f.auth.getAccessToken())).code).toBe('server_error');
    expect(refreshes).toHaveLength(1);
    outage.on = false;
    await expect(f.auth.getAccessToken({ userInitiated: true })).resolves.toBeTruthy();
    expect(refreshes).toHaveLength(2);
  });
});

describe("auth service: the server's Retry-After", () => {
  it('7,200 s is honoured: no attempt for 2 hours, and callers learn until when', async () => {
    const f = setup();
    await f.signIn();
    f.clock.jump(HOUR + 1);
    f.endpoint.failNext({ status: 429, headers: { 'retry-after': '7200' } });
    const limitedAt = f.clock.now();
    const first = await errorOf(f.auth.getAccessToken());
    expect(first.code).toBe('rate_limited');
    expect(first.retryAt).toBe(limitedAt + 2 * HOUR);
    expect(f.endpoint.counts.refresh).toBe(1);

    // Not the person's Refresh, not a wake, not the minute ticks: nothing asks before 2 h.
    const held = await errorOf(f.auth.getAccessToken({ userInitiated: true }));
    expect(held).toMatchObject({ code: 'rate_limited', retryAt: limitedAt + 2 * HOUR });
    f.wake.fire('online');
    f.wake.fire('resume');
    await f.clock.advance(2 * HOUR - 1);
    expect(f.endpoint.counts.refresh).toBe(1);
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });

    await f.clock.advance(MIN + 1); // the first minute tick after the hold ends
    expect(f.endpoint.counts.refresh).toBe(2);
    await expect(f.auth.getAccessToken()).resolves.toBeTruthy();
  });

  it('a Retry-After on a 503 holds the same way', async () => {
    const f = setup();
    await f.signIn();
    f.clock.jump(HOUR + 1);
    f.endpoint.failNext({ status: 503, headers: { 'retry-after': '600' } });
    const failedAt = f.clock.now();
    expect(await errorOf(f.auth.getAccessToken())).toMatchObject({
      code: 'server_error',
      retryAt: failedAt + 10 * MIN,
    });
    await f.clock.advance(10 * MIN - 1);
    expect(f.endpoint.counts.refresh).toBe(1);
    await f.clock.advance(MIN + 1);
    expect(f.endpoint.counts.refresh).toBe(2);
  });
});
