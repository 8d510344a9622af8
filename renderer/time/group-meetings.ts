import type { Meeting } from '../../preload/contract.ts';
import { dayStart, nextDateKey } from '../../preload/shared/date-key.ts';
import { formatTimeRange, type TimeFormat } from './time-format.ts';

export type MeetingGroupId = 'earlier' | 'today' | 'tomorrow' | 'later' | 'no-fixed-time';

export interface MeetingGroup {
  id: MeetingGroupId;
  label: string;
  /** The group's meetings in list order: by start, Zoom's order for equal starts. */
  meetings: readonly Meeting[];
  /** Their starts (epoch ms; NaN for no fixed time), in the same order. */
  starts: Float64Array;
}

/** One meeting as the list shows it. Made only for the rows that are rendered. */
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
const NO_FIXED_TIME = ORDER.indexOf('no-fixed-time');

/**
 * Buckets meetings by local calendar day relative to `today` (`YYYY-MM-DD`, so callers memoize
 * per day, not per millisecond), sorted by start time. Empty groups are left out. "Earlier"
 * only appears for cached data from a previous day.
 *
 * Built for 10,000 meetings on the window's first frame: the days' bounds are found once, as
 * instants, so placing a meeting is a comparison rather than a formatting; no object is made per
 * meeting (a row's view is made when it is rendered, see `meetingListLayout`); and each group is
 * ordered by a native numeric sort of packed (start, index) keys.
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

  const count = meetings.length;
  const starts = new Float64Array(count);
  const groupOf = new Uint8Array(count);
  const sizes = new Array<number>(ORDER.length).fill(0);
  let earliest = Infinity;
  let latest = -Infinity;
  // Main sends the list ordered by start, untimed last: then each group is one run of it, and
  // no sort is needed. Checked, not assumed: a list out of order is sorted below.
  let ordered = true;
  for (let i = 0; i < count; i += 1) {
    const start = meetings[i]!.startMs ?? Number.NaN;
    starts[i] = start;
    let group = NO_FIXED_TIME;
    if (!Number.isNaN(start)) {
      group = start < todayStart ? 0 : start < tomorrowStart ? 1 : start < laterStart ? 2 : 3;
      if (start < latest || groupOf[i - 1] === NO_FIXED_TIME) ordered = false;
      if (start < earliest) earliest = start;
      if (start > latest) latest = start;
    }
    groupOf[i] = group;
    sizes[group]! += 1;
  }
  if (ordered) return inRuns(meetings, starts, sizes);

  const members = sizes.map((size) => new Float64Array(size));
  const filled = new Array<number>(ORDER.length).fill(0);
  // (start − earliest) × count + index orders by start, then by Zoom's order, as one number —
  // when it stays an exact integer; otherwise the index itself, sorted with a comparison below.
  const packed = (latest - earliest + 1) * count <= Number.MAX_SAFE_INTEGER;
  for (let i = 0; i < count; i += 1) {
    const group = groupOf[i]!;
    const timed = group !== NO_FIXED_TIME && packed;
    members[group]![filled[group]!++] = timed ? (starts[i]! - earliest) * count + i : i;
  }

  return ORDER.flatMap((id, group) => {
    const keys = members[group]!;
    const size = keys.length;
    if (size === 0) return [];
    const timed = group !== NO_FIXED_TIME;
    if (timed && packed) keys.sort();
    else if (timed) keys.sort((a, b) => starts[a]! - starts[b]! || a - b);
    // Plain loops: on the first frame this code runs once, before it is optimised.
    const inOrder = new Array<Meeting>(size);
    const startsInOrder = new Float64Array(size);
    for (let k = 0; k < size; k += 1) {
      const i = timed && packed ? keys[k]! % count : keys[k]!;
      inOrder[k] = meetings[i]!;
      startsInOrder[k] = starts[i]!;
    }
    return [{ id, label: LABELS[id], meetings: inOrder, starts: startsInOrder }];
  });
}

/** The groups of a list already in order: each is the next `sizes[group]` meetings. */
function inRuns(
  meetings: readonly Meeting[],
  starts: Float64Array,
  sizes: readonly number[],
): MeetingGroup[] {
  let first = 0;
  return ORDER.flatMap((id, group) => {
    const size = sizes[group]!;
    const from = first;
    first += size;
    if (size === 0) return [];
    const end = from + size;
    return [
      {
        id,
        label: LABELS[id],
        meetings: meetings.slice(from, end),
        starts: starts.subarray(from, end),
      },
    ];
  });
}

/** The row view of the `index`th (0-based) meeting of `group`. */
export function rowAt(group: MeetingGroup, index: number): MeetingRowView {
  const meeting = group.meetings[index]!;
  return {
    kind: 'row',
    key: meeting.key,
    meeting,
    startMs: group.starts[index]!,
    showsDay: group.id === 'earlier' || group.id === 'later',
    group,
    position: index + 1,
  };
}

/** `14:00–14:30 · 30 min`, prefixed with the day outside today and tomorrow. */
export function describeWhen(row: MeetingRowView, format: TimeFormat): string {
  if (Number.isNaN(row.startMs)) return 'Recurring · no fixed time';
  const range = formatTimeRange(format, row.startMs, row.meeting.durationMinutes);
  return row.showsDay ? `${format.day(row.startMs)} · ${range}` : range;
}

/**
 * The groups as one sequence, each heading then its rows, for a list that renders only a window
 * of it: entries are answered by index and made on demand.
 */
export interface MeetingListLayout {
  readonly count: number;
  item(index: number): MeetingListItem | undefined;
  key(index: number): string | undefined;
  isHeading(index: number): boolean;
  /** The index of the entry with this key, or -1. */
  indexOf(key: string): number;
}

export function meetingListLayout(groups: readonly MeetingGroup[]): MeetingListLayout {
  // Where each group's heading is; its rows follow it.
  const firsts: number[] = [];
  let count = 0;
  for (const group of groups) {
    firsts.push(count);
    count += 1 + group.meetings.length;
  }
  const headingAt = new Set(firsts);
  const headings = groups.map((group): MeetingHeadingView => ({
    kind: 'heading',
    key: `heading:${group.id}`,
    group,
  }));
  const locate = (index: number): { group: number; row: number } | null => {
    if (!(index >= 0 && index < count)) return null;
    let group = groups.length - 1;
    while (firsts[group]! > index) group -= 1;
    return { group, row: index - firsts[group]! - 1 };
  };
  return {
    count,
    item(index) {
      const at = locate(index);
      if (!at) return undefined;
      return at.row < 0 ? headings[at.group] : rowAt(groups[at.group]!, at.row);
    },
    key(index) {
      const at = locate(index);
      if (!at) return undefined;
      return at.row < 0 ? headings[at.group]!.key : groups[at.group]!.meetings[at.row]!.key;
    },
    // Asked for every entry each time the virtualizer lays the list out: no search.
    isHeading: (index) => headingAt.has(index),
    indexOf(key) {
      for (let group = 0; group < groups.length; group += 1) {
        if (headings[group]!.key === key) return firsts[group]!;
        const row = groups[group]!.meetings.findIndex((meeting) => meeting.key === key);
        if (row !== -1) return firsts[group]! + 1 + row;
      }
      return -1;
    },
  };
}
