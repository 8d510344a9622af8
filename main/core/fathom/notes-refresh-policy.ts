// When Fathom's notes are listed in the background. Notes change only when a recorded meeting
// ends, and every listing counts against Fathom's 60-calls-a-minute limit (fathom-facts §2.8),
// so the policy is slow and plain: every 15 minutes on the shared minute ticks, on wake or when
// the network returns, when the window opens (unless a listing just ran), and on Refresh.
// Pure functions of the facts, asked on every minute tick.

const MINUTE = 60_000;

export const FATHOM_REFRESH_INTERVAL_MS = 15 * MINUTE;
/** Opening the window lists again only when the last attempt is at least this old. */
export const WINDOW_OPEN_MIN_AGE_MS = 2 * MINUTE;
/** After a failed background listing: retry within a minute, doubling, up to the interval. */
export const FIRST_RETRY_MS = MINUTE;
/** Ticks come on the wall-clock minute: an attempt made mid-minute is due one tick early. */
const TICK_SLACK_MS = MINUTE - 1_000;

export interface NotesRefreshFacts {
  now: number;
  /** epoch ms the last listing started; -Infinity if never. */
  lastAttemptAt: number;
  /** Background listings that failed in a row since the last success. */
  failures: number;
  /** epoch ms before which Fathom asked not to be called (429); 0 for none. */
  holdUntil: number;
}

/** epoch ms from which a background listing is due. */
export function nextNotesRefreshAt(facts: NotesRefreshFacts): number {
  const wait =
    facts.failures > 0
      ? Math.min(FATHOM_REFRESH_INTERVAL_MS, FIRST_RETRY_MS * 2 ** Math.min(facts.failures - 1, 10))
      : FATHOM_REFRESH_INTERVAL_MS;
  return Math.max(facts.lastAttemptAt + wait - TICK_SLACK_MS, facts.holdUntil);
}

export function isNotesRefreshDue(facts: NotesRefreshFacts): boolean {
  return facts.now >= nextNotesRefreshAt(facts);
}

/** The window opened: list again unless a listing ran moments ago or Fathom asked us to wait. */
export function isWindowRefreshDue(facts: NotesRefreshFacts): boolean {
  return (
    facts.now >= facts.holdUntil &&
    (facts.now - facts.lastAttemptAt >= WINDOW_OPEN_MIN_AGE_MS || isNotesRefreshDue(facts))
  );
}
