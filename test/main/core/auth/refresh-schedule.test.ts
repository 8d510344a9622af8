import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  minimumValidityMs,
  nextRefreshAt,
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
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelayMs(n, null) / MIN)).toEqual([
      1, 2, 4, 8, 16, 30, 30, 30,
    ]);
  });

  it('honours a longer Retry-After but stays within the cap', () => {
    expect(backoffDelayMs(1, 5 * MIN)).toBe(5 * MIN);
    expect(backoffDelayMs(1, 10_000)).toBe(MIN);
    expect(backoffDelayMs(1, 24 * 60 * MIN)).toBe(30 * MIN);
  });
});
