import type { Meeting, SessionState } from '../../../preload/contract.ts';
import { allowedExternalUrl } from '../security/external-url-policy.ts';
import {
  DEFAULT_REMINDER_LEAD,
  REMINDER_LEAD_CHOICES,
  type ReminderLead,
} from '../reminders/reminder-planner.ts';
import { nextDateKey } from '../../../preload/shared/date-key.ts';
import {
  createZonedFormat,
  formatCountdown,
  formatElapsed,
  truncate,
  type ZonedFormat,
} from '../time-format.ts';

/** What a menu item does when clicked; the Electron tray adapter maps these to services. */
export type TrayAction =
  | { type: 'join'; url: string }
  | { type: 'open-window' }
  | { type: 'refresh' }
  | { type: 'sign-in' }
  | { type: 'sign-out' }
  | { type: 'set-reminder-lead'; lead: ReminderLead }
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
}

export interface TrayModel {
  tooltip: string;
  /** Shown next to the icon on macOS only; empty when there is nothing worth the space. */
  title: string;
  items: TrayItem[];
}

const MINUTE = 60_000;
/** A meeting stays "now" this long after it starts; after that the next one takes over. */
const JUST_STARTED_MS = 10 * MINUTE;
const MEETINGS_PER_DAY = 8;
const TOPIC_IN_MENU = 48;
const TOPIC_IN_TOOLTIP = 40;
const TOPIC_IN_TITLE = 20;
/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127;

interface Timed {
  meeting: Meeting;
  start: number;
  end: number;
}

function timed(meetings: readonly Meeting[]): Timed[] {
  const result: Timed[] = [];
  for (const meeting of meetings) {
    if (!meeting.startTime) continue;
    const start = Date.parse(meeting.startTime);
    if (Number.isNaN(start)) continue;
    result.push({ meeting, start, end: start + Math.max(0, meeting.durationMinutes) * MINUTE });
  }
  return result.sort((a, b) => a.start - b.start);
}

function shortCountdown(now: number, start: number): string {
  const minutes = Math.ceil((start - now) / MINUTE);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 60)}h ${rest}m`;
}

function dayWords(start: number, today: string, tomorrow: string, zoned: ZonedFormat): string {
  const day = zoned.dateKey(start);
  if (day === today) return '';
  if (day === tomorrow) return ' tomorrow';
  return ` on ${zoned.shortDate(start)}`;
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

function signedInModel(
  state: Extract<SessionState, { kind: 'signed-in' }>,
  now: number,
  timeZone: string | undefined,
  options: TrayModelOptions,
): TrayModel {
  const zoned = createZonedFormat(timeZone);
  const today = zoned.dateKey(now);
  const tomorrow = nextDateKey(today);
  const live = timed(state.meetings).filter((t) => t.end > now || now - t.start < JUST_STARTED_MS);

  const current = [...live]
    .reverse()
    .find((t) => t.start <= now && now - t.start < JUST_STARTED_MS);
  const next = live.find((t) => t.start > now);

  let tooltip: string;
  let title = '';
  if (current) {
    tooltip = `Now: ${truncate(current.meeting.topic, TOPIC_IN_TOOLTIP)} at ${zoned.clockTime(current.start)} — ${formatElapsed(current.start, now)}`;
    title = `${truncate(current.meeting.topic, TOPIC_IN_TITLE)} · now`;
  } else if (next) {
    const when = `${dayWords(next.start, today, tomorrow, zoned)} at ${zoned.clockTime(next.start)}`;
    tooltip = `Next: ${truncate(next.meeting.topic, TOPIC_IN_TOOLTIP)}${when} — ${formatCountdown(now, next.start)}`;
    if (next.start - now < 24 * 60 * MINUTE)
      title = `${truncate(next.meeting.topic, TOPIC_IN_TITLE)} · ${shortCountdown(now, next.start)}`;
  } else {
    tooltip = 'Meeting Tray — no upcoming meetings';
  }

  const items: TrayItem[] = [];
  if (state.demo) items.push({ kind: 'label', label: 'Demo mode — sample meetings' });
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

  // Each meeting's day, computed once: formatting dominates the cost of a rebuild.
  const dayOf = new Map(live.map((t) => [t, zoned.dateKey(t.start)]));
  let listed = 0;
  for (const [day, heading] of [
    [today, 'Today'],
    [tomorrow, 'Tomorrow'],
  ] as const) {
    const ofDay = live.filter((t) => dayOf.get(t) === day || (day === today && t.start <= now));
    if (ofDay.length === 0) continue;
    items.push({ kind: 'label', label: heading });
    for (const t of ofDay.slice(0, MEETINGS_PER_DAY)) {
      const joinUrl = allowedExternalUrl(t.meeting.joinUrl);
      const inProgress = t.start <= now;
      items.push({
        kind: 'action',
        label: `${zoned.clockTime(t.start)}  ${truncate(t.meeting.topic, TOPIC_IN_MENU)}${inProgress ? ' (now)' : ''}`,
        action: { type: 'join', url: joinUrl ?? '' },
        enabled: joinUrl !== null,
      });
      listed += 1;
    }
  }
  if (listed === 0) items.push({ kind: 'label', label: 'No more meetings today or tomorrow' });

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
    common.separator,
    { kind: 'action', label: 'Sign out', action: { type: 'sign-out' }, enabled: true },
    common.quit,
  );
  return { tooltip: capTooltip(tooltip), title, items };
}

/**
 * The tray's tooltip, macOS title and context menu as plain data: a pure function of the session
 * and the time, so every state, DST change and clock jump is a unit test, not a manual check.
 */
export function buildTrayModel(
  state: SessionState,
  now: number,
  timeZone?: string,
  options: TrayModelOptions = {},
): TrayModel {
  const demo = state.demo ? ' (demo)' : '';
  switch (state.kind) {
    case 'signed-in':
      return signedInModel(state, now, timeZone, options);
    case 'signing-in':
      return {
        tooltip: `Meeting Tray${demo} — signing in`,
        title: '',
        items: [
          { kind: 'label', label: 'Signing in — finish in your browser' },
          common.separator,
          common.open,
          common.quit,
        ],
      };
    case 'signed-out': {
      const reason: TrayItem[] = state.reason
        ? [{ kind: 'label', label: truncate(state.reason.message, 80) }]
        : [];
      return {
        tooltip: `Meeting Tray${demo} — signed out`,
        title: '',
        items: [...reason, common.open, common.signIn, common.separator, common.quit],
      };
    }
    case 'error':
      return {
        tooltip: capTooltip(`Meeting Tray${demo} — ${state.message}`),
        title: '',
        items: [
          { kind: 'label', label: truncate(state.message, 80) },
          common.open,
          common.signIn,
          common.separator,
          common.quit,
        ],
      };
  }
}
