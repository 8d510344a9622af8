import type { Meeting } from '../../preload/contract.ts';
import { nextDateKey } from '../../preload/shared/date-key.ts';
import { formatTimeRange, type TimeFormat } from './time-format.ts';

export type MeetingGroupId = 'earlier' | 'today' | 'tomorrow' | 'later' | 'no-fixed-time';

export interface MeetingRowView {
  meeting: Meeting;
  /** `14:00–14:30 · 30 min`, prefixed with the day outside today and tomorrow. */
  when: string;
}

export interface MeetingGroup {
  id: MeetingGroupId;
  label: string;
  rows: MeetingRowView[];
}

const LABELS: Record<MeetingGroupId, string> = {
  earlier: 'Earlier',
  today: 'Today',
  tomorrow: 'Tomorrow',
  later: 'Later',
  'no-fixed-time': 'No fixed time',
};
const ORDER: readonly MeetingGroupId[] = ['earlier', 'today', 'tomorrow', 'later', 'no-fixed-time'];

/**
 * Buckets meetings by local calendar day relative to `today` (`YYYY-MM-DD`, so callers memoize
 * per day, not per millisecond), sorted by start time. Empty groups are left out. "Earlier"
 * only appears for cached data from a previous day.
 */
export function groupMeetingsForDay(
  meetings: readonly Meeting[],
  today: string,
  format: TimeFormat,
): MeetingGroup[] {
  const tomorrow = nextDateKey(today);
  const buckets = new Map<MeetingGroupId, { startMs: number; row: MeetingRowView }[]>();
  const add = (id: MeetingGroupId, startMs: number, row: MeetingRowView) => {
    const bucket = buckets.get(id);
    if (bucket) bucket.push({ startMs, row });
    else buckets.set(id, [{ startMs, row }]);
  };

  meetings.forEach((meeting, index) => {
    const startMs = meeting.startTime === null ? Number.NaN : Date.parse(meeting.startTime);
    if (Number.isNaN(startMs)) {
      // Keep Zoom's order for meetings without a time.
      add('no-fixed-time', index, { meeting, when: 'Recurring · no fixed time' });
      return;
    }
    const range = formatTimeRange(format, startMs, meeting.durationMinutes);
    const day = format.dayKey(startMs);
    if (day === today) add('today', startMs, { meeting, when: range });
    else if (day === tomorrow) add('tomorrow', startMs, { meeting, when: range });
    else
      add(day < today ? 'earlier' : 'later', startMs, {
        meeting,
        when: `${format.day(startMs)} · ${range}`,
      });
  });

  return ORDER.flatMap((id) => {
    const bucket = buckets.get(id);
    if (!bucket) return [];
    bucket.sort((a, b) => a.startMs - b.startMs);
    return [{ id, label: LABELS[id], rows: bucket.map((entry) => entry.row) }];
  });
}
