import { describe, expect, it } from 'vitest';
import {
  BUSY_INTERVAL_MS,
  isRefreshDue,
  meetingStartsSoon,
  nextRefreshAt,
  QUIET_INTERVAL_MS,
  refreshIntervalMs,
  type RefreshFacts,
} from '../../../../main/core/session/refresh-policy.ts';
import { meeting } from './session-fakes.ts';

const MINUTE = 60_000;
const NOW = Date.parse('2026-11-24T09:00:00Z');
const facts = (over: Partial<RefreshFacts> = {}): RefreshFacts => ({
  now: NOW,
  windowVisible: false,
  userActive: false,
  meetings: [],
  lastAttemptAt: NOW,
  failures: 0,
  holdUntil: 0,
  ...over,
});

describe('refresh policy', () => {
  it('a meeting starts soon when it starts after now and at most an hour ahead', () => {
    const starting = (iso: string | null) => [meeting('1', iso)];
    expect(meetingStartsSoon(starting('2026-11-24T10:00:00Z'), NOW)).toBe(true);
    expect(meetingStartsSoon(starting('2026-11-24T10:00:01Z'), NOW)).toBe(false);
    expect(meetingStartsSoon(starting('2026-11-24T09:00:00Z'), NOW)).toBe(false);
    expect(meetingStartsSoon(starting(null), NOW)).toBe(false);
    expect(meetingStartsSoon(null, NOW)).toBe(false);
  });

  it('is busy (5 min) with the window open or a meeting soon, quiet (20 min) otherwise', () => {
    expect(refreshIntervalMs(facts())).toBe(QUIET_INTERVAL_MS);
    expect(refreshIntervalMs(facts({ windowVisible: true }))).toBe(BUSY_INTERVAL_MS);
    expect(refreshIntervalMs(facts({ userActive: true }))).toBe(BUSY_INTERVAL_MS);
    expect(refreshIntervalMs(facts({ meetings: [meeting('1', '2026-11-24T09:30:00Z')] }))).toBe(
      BUSY_INTERVAL_MS,
    );
  });

  it('on minute ticks, an attempt made mid-minute is due at the tick before its interval ends', () => {
    const last = NOW + 30_000; // 09:00:30
    expect(isRefreshDue(facts({ lastAttemptAt: last, now: NOW + 19 * MINUTE }))).toBe(false);
    expect(isRefreshDue(facts({ lastAttemptAt: last, now: NOW + 20 * MINUTE }))).toBe(true);
    // An attempt on the tick itself waits the whole interval, not one tick less.
    expect(isRefreshDue(facts({ now: NOW + 19 * MINUTE }))).toBe(false);
    expect(isRefreshDue(facts({ now: NOW + 20 * MINUTE }))).toBe(true);
  });

  it('after failures retries within a minute, doubling up to the busy interval', () => {
    const waits = [1, 2, 3, 4, 5, 12].map(
      (failures) => nextRefreshAt(facts({ failures })) - NOW + (MINUTE - 1_000),
    );
    expect(waits).toEqual([1, 2, 4, 5, 5, 5].map((m) => m * MINUTE));
  });

  it('never before Zoom’s Retry-After, however far ahead', () => {
    const holdUntil = NOW + 2 * 3_600_000;
    expect(nextRefreshAt(facts({ holdUntil, windowVisible: true, failures: 3 }))).toBe(holdUntil);
  });
});
