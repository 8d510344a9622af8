import type { Meeting, SessionState } from '../../../preload/contract.ts';
import { allowedExternalUrl } from '../security/external-url-policy.ts';
import {
  DEFAULT_REMINDER_LEAD,
  REMINDER_LEAD_CHOICES,
  type ReminderLead,
} from '../reminders/reminder-planner.ts';
import { dayStart, nextDateKey } from '../../../preload/shared/date-key.ts';
import { formatSince, formatUntil } from '../../../preload/shared/time-countdown.ts';
import type { TimeStyle } from '../../../preload/shared/time-style.ts';
import { createZonedFormat, truncate, type ZonedFormat } from '../time-format.ts';
import {
  createMeetingTimeline,
  firstIndexWhere,
  firstLiveIndex,
  type MeetingTimeline,
  type TimedMeeting,
} from './meeting-timeline.ts';

/** What a menu item does when clicked; the Electron tray adapter maps these to services. */
export type TrayAction =
  | { type: 'join'; url: string }
  | { type: 'open-window' }
  | { type: 'refresh' }
  | { type: 'sign-in' }
  | { type: 'sign-out' }
  | { type: 'set-reminder-lead'; lead: ReminderLead }
  | { type: 'open-settings' }
  | { type: 'quit' };

export type TrayItem =
  | { kind: 'separator' }
  /** Plain text: a day heading or a status line. */
  | { kind: 'label'; label: string }
  | { kind: 'action'; label: string; action: TrayAction; enabled: boolean }
  /** One of a group of mutually exclusive settings (a radio item). */
  | { kind: 'choice'; label: string; action: TrayAction; checked: boolean }
  | { kind: 'submenu'; label: string; items: TrayItem[] };

export interface TrayModelOptions {
  /** The current reminder setting, shown as a checked choice; omitted means the default. */
  reminderLead?: ReminderLead;
  /**
   * The locale and 12/24-hour clock the window uses (install-time-display.ts); omitted keeps
   * the narrow en-GB 24-hour form.
   */
  timeStyle?: TimeStyle;
}

/** The meeting the tray shows at a glance (icon or macOS title): just started, or next. */
export interface GlanceMeeting {
  topic: string;
  start: number;
}

export interface TrayModel {
  tooltip: string;
  /** What the icon or the macOS title counts down to; see tray-glance.ts. Null for nothing. */
  glance: GlanceMeeting | null;
  /** The time the model was built for: the glance counts from it. */
  at: number;
  items: TrayItem[];
}

const MINUTE = 60_000;
/** Said wherever the demo shows its sample data: the menu and the tooltip. */
const DEMO_LINE = 'Demo mode — sample meetings';
/** A meeting stays "now" this long after it starts; after that the next one takes over. */
const JUST_STARTED_MS = 10 * MINUTE;
const MEETINGS_PER_DAY = 8;
const TOPIC_IN_MENU = 48;
const TOPIC_IN_TOOLTIP = 40;
/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127;

/** Today's key and where tomorrow and the day after begin, in one zone. */
interface DayBounds {
  today: string;
  tomorrowStart: number;
  laterStart: number;
  /** The time they were worked out at: valid from then until `tomorrowStart`. */
  from: number;
}

function dayBounds(now: number, zoned: ZonedFormat): DayBounds {
  const today = zoned.dateKey(now);
  const tomorrow = nextDateKey(today);
  const tomorrowStart = dayStart(tomorrow, zoned.dateKey);
  const laterStart = dayStart(nextDateKey(tomorrow), zoned.dateKey);
  return { today, tomorrowStart, laterStart, from: now };
}

/** What a meeting's menu line and link are in one zone; worked out once per list and zone. */
interface MeetingText {
  clock: string;
  topic: string;
  joinUrl: string | null;
}

/** The formatting a model needs, kept by the builder between ticks. */
interface TrayFormats {
  zoned: ZonedFormat;
  bounds: DayBounds;
  text(entry: TimedMeeting): MeetingText;
}

function dayWords(start: number, formats: TrayFormats): string {
  if (start < formats.bounds.tomorrowStart) return '';
  if (start < formats.bounds.laterStart) return ' tomorrow';
  return ` on ${formats.zoned.shortDate(start)}`;
}

const common = {
  open: {
    kind: 'action',
    label: 'Open Meeting Tray',
    action: { type: 'open-window' },
    enabled: true,
  } as TrayItem,
  signIn: {
    kind: 'action',
    label: 'Sign in…',
    action: { type: 'sign-in' },
    enabled: true,
  } as TrayItem,
  settings: {
    kind: 'action',
    label: 'Settings…',
    action: { type: 'open-settings' },
    enabled: true,
  } as TrayItem,
  /** Demo mode's one way out: the Settings screen, where a real account is entered. */
  connect: {
    kind: 'action',
    label: 'Connect your Zoom account…',
    action: { type: 'open-settings' },
    enabled: true,
  } as TrayItem,
  quit: { kind: 'action', label: 'Quit', action: { type: 'quit' }, enabled: true } as TrayItem,
  separator: { kind: 'separator' } as TrayItem,
};

function capTooltip(text: string): string {
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`;
}

function reminderLeadLabel(lead: ReminderLead): string {
  if (lead === 'off') return 'Off';
  if (lead === 0) return 'When it starts';
  return lead === 1 ? '1 minute before' : `${lead} minutes before`;
}

function reminderMenu(current: ReminderLead): TrayItem {
  return {
    kind: 'submenu',
    label: 'Reminders',
    items: REMINDER_LEAD_CHOICES.map((lead) => ({
      kind: 'choice',
      label: reminderLeadLabel(lead),
      action: { type: 'set-reminder-lead', lead },
      checked: lead === current,
    })),
  };
}

/** The meetings of one day as the menu lists them: the first few, then "+N more". */
function dayItems(
  heading: string,
  count: number,
  meetingAt: (index: number) => TimedMeeting,
  now: number,
  formats: TrayFormats,
): TrayItem[] {
  if (count === 0) return [];
  const items: TrayItem[] = [{ kind: 'label', label: heading }];
  for (let i = 0; i < Math.min(count, MEETINGS_PER_DAY); i += 1) {
    const t = meetingAt(i);
    const { clock, topic, joinUrl } = formats.text(t);
    items.push({
      kind: 'action',
      label: `${clock}  ${topic}${t.start <= now ? ' (now)' : ''}`,
      action: { type: 'join', url: joinUrl ?? '' },
      enabled: joinUrl !== null,
    });
  }
  // The window lists them all.
  if (count > MEETINGS_PER_DAY)
    items.push({
      kind: 'action',
      label: `+${count - MEETINGS_PER_DAY} more`,
      action: { type: 'open-window' },
      enabled: true,
    });
  return items;
}

function signedInModel(
  state: Extract<SessionState, { kind: 'signed-in' }>,
  timeline: MeetingTimeline,
  formats: TrayFormats,
  now: number,
  options: TrayModelOptions,
): TrayModel {
  const { zoned, bounds } = formats;
  const { entries } = timeline;

  // Only the meetings around now are read: those that may still run, then today's and
  // tomorrow's by binary search on the start (sorted by start; the days' bounds are instants).
  const liveFrom = firstLiveIndex(timeline, now, JUST_STARTED_MS);
  const upcomingFrom = firstIndexWhere(liveFrom, entries.length, (i) => entries[i]!.start > now);
  const running: TimedMeeting[] = [];
  for (let i = liveFrom; i < upcomingFrom; i += 1) {
    const t = entries[i]!;
    if (t.end > now || now - t.start < JUST_STARTED_MS) running.push(t);
  }
  const startsFrom = (from: number, instant: number) =>
    firstIndexWhere(from, entries.length, (i) => entries[i]!.start >= instant);
  const tomorrowFrom = startsFrom(upcomingFrom, bounds.tomorrowStart);
  const laterFrom = startsFrom(tomorrowFrom, bounds.laterStart);

  const current = running.findLast((t) => now - t.start < JUST_STARTED_MS);
  const next = entries[upcomingFrom];

  let tooltip: string;
  let glance: GlanceMeeting | null = null;
  if (current) {
    tooltip = `Now: ${truncate(current.meeting.topic, TOPIC_IN_TOOLTIP)} at ${formats.text(current).clock} — ${formatSince(current.start, now)}`;
    glance = { topic: current.meeting.topic, start: current.start };
  } else if (next) {
    const when = `${dayWords(next.start, formats)} at ${formats.text(next).clock}`;
    tooltip = `Next: ${truncate(next.meeting.topic, TOPIC_IN_TOOLTIP)}${when} — ${formatUntil(now, next.start)}`;
    glance = { topic: next.meeting.topic, start: next.start };
  } else {
    tooltip = 'Meeting Tray — no upcoming meetings';
  }

  const items: TrayItem[] = [];
  if (state.demo) {
    items.push({ kind: 'label', label: DEMO_LINE }, common.connect);
    tooltip = `${tooltip}\n${DEMO_LINE}`;
  }
  const updated = state.updatedAt === null ? null : zoned.clockTime(state.updatedAt);
  if (state.offline) {
    const line = updated ? `Offline — showing meetings from ${updated}` : 'Offline';
    items.push({ kind: 'label', label: line });
    tooltip = `${tooltip}\n${line}`;
  } else if (state.stale) {
    const line = updated ? `Not up to date — last updated ${updated}` : 'Not up to date';
    items.push({ kind: 'label', label: line });
    tooltip = `${tooltip}\n${line}`;
  }

  // Today: what is running (even if it began yesterday), then what is still to come today.
  const todayItems = dayItems(
    'Today',
    running.length + tomorrowFrom - upcomingFrom,
    (i) => (i < running.length ? running[i]! : entries[upcomingFrom + i - running.length]!),
    now,
    formats,
  );
  const tomorrowItems = dayItems(
    'Tomorrow',
    laterFrom - tomorrowFrom,
    (i) => entries[tomorrowFrom + i]!,
    now,
    formats,
  );
  items.push(...todayItems, ...tomorrowItems);
  if (todayItems.length + tomorrowItems.length === 0)
    items.push({ kind: 'label', label: 'No more meetings today or tomorrow' });

  items.push(
    common.separator,
    common.open,
    {
      kind: 'action',
      label: state.refreshing ? 'Refreshing…' : 'Refresh',
      action: { type: 'refresh' },
      enabled: !state.refreshing,
    },
    reminderMenu(options.reminderLead ?? DEFAULT_REMINDER_LEAD),
    common.settings,
    common.separator,
    { kind: 'action', label: 'Sign out', action: { type: 'sign-out' }, enabled: true },
    common.quit,
  );
  return { tooltip: capTooltip(tooltip), glance, at: now, items };
}

function otherModel(state: Exclude<SessionState, { kind: 'signed-in' }>, now: number): TrayModel {
  const demo = state.demo ? ' (demo)' : '';
  const quiet = { glance: null, at: now };
  switch (state.kind) {
    case 'signing-in':
      return {
        ...quiet,
        tooltip: `Meeting Tray${demo} — signing in`,
        items: [
          { kind: 'label', label: 'Signing in — finish in your browser' },
          common.separator,
          common.open,
          common.settings,
          common.quit,
        ],
      };
    case 'signed-out': {
      const reason: TrayItem[] = state.reason
        ? [{ kind: 'label', label: truncate(state.reason.message, 80) }]
        : [];
      return {
        ...quiet,
        tooltip: `Meeting Tray${demo} — signed out`,
        items: [
          ...reason,
          ...(state.demo ? [common.connect] : []),
          common.open,
          common.signIn,
          common.settings,
          common.separator,
          common.quit,
        ],
      };
    }
    case 'error':
      return {
        ...quiet,
        tooltip: capTooltip(`Meeting Tray${demo} — ${state.message}`),
        items: [
          { kind: 'label', label: truncate(state.message, 80) },
          common.open,
          common.signIn,
          common.settings,
          common.separator,
          common.quit,
        ],
      };
  }
}

export type TrayModelBuilder = (
  state: SessionState,
  now: number,
  timeZone?: string,
  options?: TrayModelOptions,
) => TrayModel;

/**
 * The tray's tooltip, glance and context menu as plain data: a pure function of the session and
 * the time, so every state, DST change and clock jump is a unit test, not a manual check.
 * The builder keeps, between ticks, the sorted timeline of the last meeting list (main keeps an
 * unchanged list's array, so that is one parse and sort per real change), the zone's formatters,
 * where today and tomorrow begin and end, and each shown meeting's text: a minute tick then
 * formats nothing it formatted before, and costs the same with 12 meetings or 10,000.
 */
export function createTrayModelBuilder(): TrayModelBuilder {
  let timeline: { of: readonly Meeting[]; value: MeetingTimeline } | null = null;
  let zone: { of: string; zoned: ZonedFormat; bounds: DayBounds | null } | null = null;
  let texts = new Map<TimedMeeting, MeetingText>();
  return (state, now, timeZone, options = {}) => {
    if (state.kind !== 'signed-in') return otherModel(state, now);
    if (timeline?.of !== state.meetings) {
      timeline = { of: state.meetings, value: createMeetingTimeline(state.meetings) };
      texts = new Map();
    }
    // The formatters depend on the zone and the style: a new clock choice rebuilds them.
    const style = options.timeStyle;
    const formatKey = `${timeZone ?? ''}|${style?.locale ?? ''}|${style?.hourCycle ?? ''}`;
    if (!zone || zone.of !== formatKey) {
      zone = { of: formatKey, zoned: createZonedFormat(timeZone, style), bounds: null };
      texts = new Map();
    }
    // Kept until midnight; a clock set back gets them afresh.
    const known = zone.bounds;
    const bounds =
      known && now >= known.from && now < known.tomorrowStart
        ? known
        : (zone.bounds = dayBounds(now, zone.zoned));
    const { zoned } = zone;
    const text = (entry: TimedMeeting) => {
      let found = texts.get(entry);
      if (!found) {
        found = {
          clock: zoned.clockTime(entry.start),
          topic: truncate(entry.meeting.topic, TOPIC_IN_MENU),
          joinUrl: allowedExternalUrl(entry.meeting.joinUrl),
        };
        texts.set(entry, found);
      }
      return found;
    };
    return signedInModel(state, timeline.value, { zoned, bounds, text }, now, options);
  };
}

/** One model, built from scratch (tests and one-off callers; the shell keeps a builder). */
export function buildTrayModel(
  state: SessionState,
  now: number,
  timeZone?: string,
  options: TrayModelOptions = {},
): TrayModel {
  return createTrayModelBuilder()(state, now, timeZone, options);
}
