import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  minimumValidityMs,
  nextRefreshAt,
  retryAfterFailureAt,
} from '../../../../main/core/auth/refresh-schedule.ts';

const HOUR = 3_600_000;
const MIN = 60_000;

describe('nextRefreshAt', () => {
  it('refreshes a 1-hour token 10% (6 min) before expiry without jitter', () => {
    expect(nextRefreshAt({ obtainedAt: 0, expiresAt: HOUR }, () => 0)).toBe(HOUR - 6 * MIN);
  });

  it('uses at least 5 minutes of lead for shorter tokens', () => {
    expect(nextRefreshAt({ obtainedAt: 0, expiresAt: 20 * MIN }, () => 0)).toBe(15 * MIN);
  });

  it('adds at most 30 s of jitter, earlier never later', () => {
    const base = nextRefreshAt({ obtainedAt: 0, expiresAt: HOUR }, () => 0);
    const jittered = nextRefreshAt({ obtainedAt: 0, expiresAt: HOUR }, () => 0.999_999);
    expect(jittered).toBeLessThan(base);
    expect(base - jittered).toBeLessThanOrEqual(30_000);
  });

  it('never schedules a very short token at or before it was obtained', () => {
    const at = nextRefreshAt({ obtainedAt: 1000, expiresAt: 61_000 }, () => 0.5);
    expect(at).toBeGreaterThan(1000);
    expect(at).toBeLessThan(61_000);
  });
});

describe('minimumValidityMs', () => {
  it('is the configured 120 s for hour-long tokens and a quarter of very short ones', () => {
    expect(minimumValidityMs({ obtainedAt: 0, expiresAt: HOUR }, 120_000)).toBe(120_000);
    expect(minimumValidityMs({ obtainedAt: 0, expiresAt: 60_000 }, 120_000)).toBe(15_000);
  });
});

describe('backoffDelayMs', () => {
  it('doubles from 1 minute and caps at 30 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelayMs(n) / MIN)).toEqual([
      1, 2, 4, 8, 16, 30, 30, 30,
    ]);
  });
});

describe('retryAfterFailureAt', () => {
  const now = 10 * HOUR;
  const at = (input: {
    failures: number;
    expiresAt: number;
    retryAfterMs?: number | null;
    random?: number;
  }) =>
    retryAfterFailureAt({
      now,
      failures: input.failures,
      expiresAt: input.expiresAt,
      retryAfterMs: input.retryAfterMs ?? null,
      random: () => input.random ?? 0,
    }) - now;

  it('backs off exponentially while the access token is valid', () => {
    expect(at({ failures: 3, expiresAt: now + HOUR })).toBe(4 * MIN);
    expect(at({ failures: 9, expiresAt: now + HOUR })).toBe(30 * MIN);
  });

  it('never backs off past the expiry of a valid token', () => {
    expect(at({ failures: 9, expiresAt: now + 3 * MIN })).toBe(3 * MIN);
  });

  it('retries within a minute once the token has expired, jittered between 30 and 60 s', () => {
    expect(at({ failures: 12, expiresAt: now })).toBe(30_000);
    expect(at({ failures: 12, expiresAt: now - HOUR, random: 0.999 })).toBeLessThanOrEqual(MIN);
    expect(at({ failures: 12, expiresAt: now - HOUR, random: 0.999 })).toBeGreaterThan(59_000);
  });

  it("honours the server's Retry-After whatever its size, as a floor", () => {
    expect(at({ failures: 1, expiresAt: now - HOUR, retryAfterMs: 7_200_000 })).toBe(7_200_000);
    expect(at({ failures: 1, expiresAt: now + HOUR, retryAfterMs: 10_000 })).toBe(MIN);
    expect(at({ failures: 1, expiresAt: now + HOUR, retryAfterMs: 24 * HOUR })).toBe(24 * HOUR);
  });
});
