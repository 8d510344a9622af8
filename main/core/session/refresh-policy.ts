// When the meeting list is fetched in the background: often where a stale list would hurt (a
// meeting starts within the hour, the person is looking at the window, or is at the computer —
// a meeting added for the next hour must reach the tray and reminders within minutes), rarely
// while nobody is there.
// Pure functions of the facts; the session service asks them on every minute tick.
import type { Meeting } from '../../../preload/contract.ts';

const MINUTE = 60_000;

/** A meeting starts within the hour, the window is open, or the person is at the computer. */
export const BUSY_INTERVAL_MS = 5 * MINUTE;
/** Nothing soon and nobody there: 72 list requests a day. */
export const QUIET_INTERVAL_MS = 20 * MINUTE;
/** How far ahead a meeting's start makes the list worth keeping fresh. */
export const SOON_MS = 60 * MINUTE;
/**
 * After a failed background fetch: retry within a minute, doubling, never waiting longer than
 * the busy interval, so the list is fresh within minutes of Zoom (or the network) healing.
 */
export const FIRST_RETRY_MS = MINUTE;
/** The profile changes rarely; a background fetch re-reads it only when it is this old. */
export const PROFILE_MAX_AGE_MS = 6 * 60 * MINUTE;
/**
 * Checks run on the wall-clock minute, so an attempt made mid-minute is due at the tick just
 * before its full interval has passed rather than one tick (up to a minute) after it.
 */
const TICK_SLACK_MS = MINUTE - 1_000;

export interface RefreshFacts {
  now: number;
  windowVisible: boolean;
  /** The person used the computer in the last few minutes (system idle time). */
  userActive: boolean;
  /** The meetings currently shown (null while none have loaded). */
  meetings: readonly Meeting[] | null;
  /** epoch ms the last background or manual fetch started; -Infinity if never. */
  lastAttemptAt: number;
  /** Background fetches that failed in a row since the last success. */
  failures: number;
  /** epoch ms before which Zoom asked not to be called (Retry-After); 0 for none. */
  holdUntil: number;
}

/** True when a meeting in `meetings` starts after `now` and within SOON_MS. */
export function meetingStartsSoon(meetings: readonly Meeting[] | null, now: number): boolean {
  if (!meetings) return false;
  for (const meeting of meetings) {
    if (meeting.startMs === null) continue;
    const startsIn = meeting.startMs - now;
    if (startsIn > 0 && startsIn <= SOON_MS) return true;
  }
  return false;
}

/** The background interval that fits the facts, before any failure backoff. */
export function refreshIntervalMs(
  facts: Pick<RefreshFacts, 'now' | 'windowVisible' | 'userActive' | 'meetings'>,
) {
  return facts.windowVisible || facts.userActive || meetingStartsSoon(facts.meetings, facts.now)
    ? BUSY_INTERVAL_MS
    : QUIET_INTERVAL_MS;
}

/** epoch ms from which a background fetch is due (checked on minute ticks). */
export function nextRefreshAt(facts: RefreshFacts): number {
  const interval = refreshIntervalMs(facts);
  const wait =
    facts.failures > 0
      ? Math.min(interval, BUSY_INTERVAL_MS, FIRST_RETRY_MS * 2 ** Math.min(facts.failures - 1, 10))
      : interval;
  return Math.max(facts.lastAttemptAt + wait - TICK_SLACK_MS, facts.holdUntil);
}

export function isRefreshDue(facts: RefreshFacts): boolean {
  return facts.now >= nextRefreshAt(facts);
}
