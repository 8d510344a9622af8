import type { Meeting } from '../../preload/contract.ts';
import { dayStart, nextDateKey } from '../../preload/shared/date-key.ts';
import { formatTimeRange, type TimeFormat } from './time-format.ts';

export type MeetingGroupId = 'earlier' | 'today' | 'tomorrow' | 'later' | 'no-fixed-time';

export interface MeetingGroup {
  id: MeetingGroupId;
  label: string;
  rows: MeetingRowView[];
}

/** One meeting as the list lays it out: also the list's entry for it (see meetingListItems). */
export interface MeetingRowView {
  kind: 'row';
  /** The meeting's key: rows keep their identity by it. */
  key: string;
  meeting: Meeting;
  /** Epoch ms of the start; NaN for a meeting with no fixed time. */
  startMs: number;
  /** Outside today and tomorrow the row names its day too. */
  showsDay: boolean;
  group: MeetingGroup;
  /** 1-based place in its group, for `aria-posinset` (the group's size is `aria-setsize`). */
  position: number;
}

/** A group's heading, as an entry of the list. */
export interface MeetingHeadingView {
  kind: 'heading';
  key: string;
  group: MeetingGroup;
}

/** One entry of the list as it is laid out: a group's heading, or one of its rows. */
export type MeetingListItem = MeetingHeadingView | MeetingRowView;

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
 * only appears for cached data from a previous day. The days' bounds are found once, as
 * instants, so placing a meeting is a comparison, not a formatting (10,000 meetings); the time
 * text is formatted only by the rows that are shown (see `describeWhen`).
 */
export function groupMeetingsForDay(
  meetings: readonly Meeting[],
  today: string,
  format: Pick<TimeFormat, 'dayKey'>,
): MeetingGroup[] {
  const tomorrow = nextDateKey(today);
  const todayStart = dayStart(today, format.dayKey);
  const tomorrowStart = dayStart(tomorrow, format.dayKey);
  const laterStart = dayStart(nextDateKey(tomorrow), format.dayKey);
  const groupOf = (startMs: number): MeetingGroupId => {
    if (Number.isNaN(startMs)) return 'no-fixed-time';
    if (startMs < todayStart) return 'earlier';
    if (startMs < tomorrowStart) return 'today';
    return startMs < laterStart ? 'tomorrow' : 'later';
  };

  const groups = new Map<MeetingGroupId, MeetingGroup>();
  for (const meeting of meetings) {
    const startMs = meeting.startTime === null ? Number.NaN : Date.parse(meeting.startTime);
    const id = groupOf(startMs);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, label: LABELS[id], rows: [] }));
    group.rows.push({
      kind: 'row',
      key: meeting.key,
      meeting,
      startMs,
      showsDay: id === 'earlier' || id === 'later',
      group,
      position: 0,
    });
  }

  return ORDER.flatMap((id) => {
    const group = groups.get(id);
    if (!group) return [];
    // Meetings without a time keep Zoom's order.
    if (id !== 'no-fixed-time') group.rows.sort((a, b) => a.startMs - b.startMs);
    group.rows.forEach((row, index) => (row.position = index + 1));
    return [group];
  });
}

/** `14:00–14:30 · 30 min`, prefixed with the day outside today and tomorrow. */
export function describeWhen(row: MeetingRowView, format: TimeFormat): string {
  if (Number.isNaN(row.startMs)) return 'Recurring · no fixed time';
  const range = formatTimeRange(format, row.startMs, row.meeting.durationMinutes);
  return row.showsDay ? `${format.day(row.startMs)} · ${range}` : range;
}

/** The groups as one sequence, heading then rows, for a list that renders only a window of it. */
export function meetingListItems(groups: readonly MeetingGroup[]): MeetingListItem[] {
  const items: MeetingListItem[] = [];
  for (const group of groups) {
    items.push({ kind: 'heading', key: `heading:${group.id}`, group });
    for (const row of group.rows) items.push(row);
  }
  return items;
}
