/**
 * The meetings with a fixed time, parsed and sorted by start once per meeting list, so the tray's
 * once-a-minute model finds the few meetings it shows by binary search instead of parsing,
 * sorting and formatting the whole list on every tick.
 */
import type { Meeting } from '../../../preload/contract.ts';

const MINUTE = 60_000;

export interface TimedMeeting {
  meeting: Meeting;
  start: number;
  end: number;
}

export interface MeetingTimeline {
  /** Meetings with a parseable start, earliest first (ties keep Zoom's order). */
  readonly entries: readonly TimedMeeting[];
  /**
   * `latestEnd[i]` is the latest end among `entries[0..i]`. It never decreases, so "could
   * anything up to here still be running?" is a binary search even with long meetings.
   */
  readonly latestEnd: readonly number[];
}

export function createMeetingTimeline(meetings: readonly Meeting[]): MeetingTimeline {
  const entries: TimedMeeting[] = [];
  for (const meeting of meetings) {
    const start = meeting.startMs;
    if (start === null) continue;
    entries.push({ meeting, start, end: start + Math.max(0, meeting.durationMinutes) * MINUTE });
  }
  entries.sort((a, b) => a.start - b.start);
  const latestEnd: number[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    latest = Math.max(latest, entry.end);
    latestEnd.push(latest);
  }
  return { entries, latestEnd };
}

/**
 * The first index in [from, to) where `reached` holds, or `to`. `reached` must be monotone over
 * the range (false…false true…true), which sorting by start gives for anything that grows with
 * the start: the start itself, its calendar day.
 */
export function firstIndexWhere(
  from: number,
  to: number,
  reached: (index: number) => boolean,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (reached(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Where to start looking for meetings that are live at `now` (running, or started less than
 * `graceMs` ago): every entry before it has ended and started at least `graceMs` ago.
 */
export function firstLiveIndex(timeline: MeetingTimeline, now: number, graceMs: number): number {
  const { entries, latestEnd } = timeline;
  return firstIndexWhere(
    0,
    entries.length,
    (i) => latestEnd[i]! > now || now - entries[i]!.start < graceMs,
  );
}

/** The first index whose meeting starts after `now`. */
export function firstUpcomingIndex(timeline: MeetingTimeline, now: number): number {
  const { entries } = timeline;
  return firstIndexWhere(0, entries.length, (i) => entries[i]!.start > now);
}
