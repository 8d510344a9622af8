/**
 * The meeting in progress and the next one, for the window's header card and the list's "Now"
 * marks. A function of the meetings and main's minute only, so it changes when main ticks.
 */
import type { Meeting } from '../../preload/contract.ts';

const MINUTE = 60_000;

export interface TimedMeeting {
  meeting: Meeting;
  start: number;
  end: number;
}

export interface NowAndNext {
  /** In progress at `now`; of several, the one that started last. */
  current: TimedMeeting | null;
  /** The first to start after `now` (ties: Zoom's order). */
  next: TimedMeeting | null;
}

export function timedMeeting(meeting: Meeting): TimedMeeting | null {
  const start = meeting.startMs;
  if (start === null) return null;
  return { meeting, start, end: start + Math.max(0, meeting.durationMinutes) * MINUTE };
}

/** True from the start until the end (a meeting without a length is never "in progress"). */
export function isInProgress(meeting: Meeting, now: number): boolean {
  const timed = timedMeeting(meeting);
  return timed !== null && timed.start <= now && now < timed.end;
}

/**
 * One pass over the list; no sorting, so 10,000 meetings cost one scan a minute. Only the
 * winners become objects: the scan itself allocates nothing (the window's first frame with
 * 10,000 meetings pays for every allocation).
 */
export function findNowAndNext(meetings: readonly Meeting[], now: number): NowAndNext {
  let current: TimedMeeting | null = null;
  let next: TimedMeeting | null = null;
  for (const meeting of meetings) {
    const start = meeting.startMs;
    if (start === null) continue;
    const end = start + Math.max(0, meeting.durationMinutes) * MINUTE;
    if (start <= now && now < end) {
      if (!current || start > current.start) current = { meeting, start, end };
    } else if (start > now && (!next || start < next.start)) {
      next = { meeting, start, end };
    }
  }
  return { current, next };
}
