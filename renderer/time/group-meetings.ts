import type { Meeting } from '../../preload/contract.ts';
import { nextDateKey } from '../../preload/shared/date-key.ts';
import { formatTimeRange, type TimeFormat } from './time-format.ts';

export type MeetingGroupId = 'earlier' | 'today' | 'tomorrow' | 'later' | 'no-fixed-time';

export interface MeetingRowView {
  meeting: Meeting;
  /** Epoch ms of the start; NaN for a meeting with no fixed time. */
  startMs: number;
  /** Outside today and tomorrow the row names its day too. */
  showsDay: boolean;
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
 * only appears for cached data from a previous day. Only the day of each meeting is worked out
 * here; the time text is formatted by the rows that are shown (see `describeWhen`).
 */
export function groupMeetingsForDay(
  meetings: readonly Meeting[],
  today: string,
  format: Pick<TimeFormat, 'dayKey'>,
): MeetingGroup[] {
  const tomorrow = nextDateKey(today);
  const buckets = new Map<MeetingGroupId, MeetingRowView[]>();
  const add = (id: MeetingGroupId, row: MeetingRowView) => {
    const bucket = buckets.get(id);
    if (bucket) bucket.push(row);
    else buckets.set(id, [row]);
  };

  const dayOf = createDayCache(format.dayKey);
  for (const meeting of meetings) {
    const startMs = meeting.startTime === null ? Number.NaN : Date.parse(meeting.startTime);
    if (Number.isNaN(startMs)) {
      // Keep Zoom's order for meetings without a time.
      add('no-fixed-time', { meeting, startMs: Number.NaN, showsDay: false });
      continue;
    }
    const day = dayOf(startMs);
    if (day === today) add('today', { meeting, startMs, showsDay: false });
    else if (day === tomorrow) add('tomorrow', { meeting, startMs, showsDay: false });
    else add(day < today ? 'earlier' : 'later', { meeting, startMs, showsDay: true });
  }

  return ORDER.flatMap((id) => {
    const rows = buckets.get(id);
    if (!rows) return [];
    if (id !== 'no-fixed-time') rows.sort((a, b) => a.startMs - b.startMs);
    return [{ id, label: LABELS[id], rows }];
  });
}

const QUARTER_HOUR = 15 * 60_000;

/**
 * `dayKey`, asked once per quarter hour rather than once per meeting: meetings cluster on the
 * same starts, and formatting a day costs microseconds (10,000 meetings: ~40 ms uncached).
 * Every zone's offset is a whole number of quarter hours, so a day ends on a quarter-hour
 * boundary; the quarter's first and last millisecond are both asked, and a quarter whose two
 * ends differ is not cached, so the answer is dayKey's own in any case.
 */
function createDayCache(dayKey: (epochMs: number) => string): (epochMs: number) => string {
  const quarters = new Map<number, string | null>();
  return (epochMs) => {
    const quarter = Math.floor(epochMs / QUARTER_HOUR);
    let day = quarters.get(quarter);
    if (day === undefined) {
      const first = dayKey(quarter * QUARTER_HOUR);
      day = first === dayKey((quarter + 1) * QUARTER_HOUR - 1) ? first : null;
      quarters.set(quarter, day);
    }
    return day ?? dayKey(epochMs);
  };
}

/** `14:00–14:30 · 30 min`, prefixed with the day outside today and tomorrow. */
export function describeWhen(row: MeetingRowView, format: TimeFormat): string {
  if (Number.isNaN(row.startMs)) return 'Recurring · no fixed time';
  const range = formatTimeRange(format, row.startMs, row.meeting.durationMinutes);
  return row.showsDay ? `${format.day(row.startMs)} · ${range}` : range;
}

/** One entry of the list as it is laid out: a group's heading, or one of its rows. */
export type MeetingListItem =
  | { kind: 'heading'; key: string; group: MeetingGroup }
  | {
      kind: 'row';
      key: string;
      group: MeetingGroup;
      row: MeetingRowView;
      /** 1-based place in its group, for `aria-posinset` (the group's size is `aria-setsize`). */
      position: number;
    };

/** The groups as one sequence, heading then rows, for a list that renders only a window of it. */
export function meetingListItems(groups: readonly MeetingGroup[]): MeetingListItem[] {
  const items: MeetingListItem[] = [];
  for (const group of groups) {
    items.push({ kind: 'heading', key: `heading:${group.id}`, group });
    group.rows.forEach((row, index) =>
      items.push({ kind: 'row', key: row.meeting.key, group, row, position: index + 1 }),
    );
  }
  return items;
}
