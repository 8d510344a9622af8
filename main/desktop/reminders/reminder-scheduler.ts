import type { Meeting } from '../../../preload/contract.ts';
import type { Clock, SettingsStore, TimerHandle } from '../../core/ports.ts';
import { allowedExternalUrl } from '../security/external-url-policy.ts';
import {
  parseReminderLead,
  planReminders,
  pruneFiredKeys,
  type Reminder,
  type ReminderLead,
} from './reminder-planner.ts';
import { ShellSetting } from '../settings/settings-keys.ts';
import type { TimeStyle } from '../../../preload/shared/time-style.ts';
import { formatUntil } from '../../../preload/shared/time-countdown.ts';
import { formatClockTime, truncate } from '../time-format.ts';

export interface ReminderNotice {
  key: string;
  title: string;
  body: string;
  /** Null when the meeting's link is not one the app may open. */
  joinUrl: string | null;
}

export interface ReminderScheduler {
  /** New meeting list (after a refresh, or empty after sign-out). */
  setMeetings(meetings: readonly Meeting[]): void;
  /** Plans again from the wall clock: call on wake, on a clock change and on the minute tick. */
  replan(): void;
  lead(): ReminderLead;
  setLead(lead: ReminderLead): void;
  /** Called after the lead changes (the tray shows it); returns an unsubscribe. */
  onLeadChange(listener: (lead: ReminderLead) => void): () => void;
  dispose(): void;
}

/** Long timers are unreliable across sleep; a capped timer plus re-planning keeps reminders honest. */
const MAX_TIMER_MS = 15 * 60_000;

export function reminderNotice(
  reminder: Reminder,
  now: number,
  timeZone?: string,
  style?: TimeStyle,
): ReminderNotice {
  return {
    key: reminder.key,
    title: truncate(reminder.topic, 60) || 'Zoom meeting',
    body: `Starts at ${formatClockTime(reminder.startsAt, timeZone, style)} — ${formatUntil(now, reminder.startsAt)}`,
    joinUrl: allowedExternalUrl(reminder.joinUrl),
  };
}

/**
 * Fires each reminder once: the key is written to settings before the notification is shown,
 * so a crash or a restart cannot repeat it.
 */
export function createReminderScheduler(deps: {
  clock: Clock;
  settings: SettingsStore;
  notify: (notice: ReminderNotice) => void;
  /** The system zone as last checked (it can change while the app runs); read per notice. */
  timeZone?: () => string | undefined;
  /** The system locale and the `clock` option; read per notice so a change applies to the next. */
  timeStyle?: () => TimeStyle;
}): ReminderScheduler {
  let meetings: readonly Meeting[] = [];
  let handle: TimerHandle | null = null;
  const leadListeners = new Set<(lead: ReminderLead) => void>();

  const firedKeys = (): string[] => {
    const stored = deps.settings.get<unknown>(ShellSetting.firedReminderKeys);
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
  };
  const lead = () => parseReminderLead(deps.settings.get(ShellSetting.reminderLeadMinutes));

  const cancel = () => {
    if (handle !== null) deps.clock.clearTimeout(handle);
    handle = null;
  };

  const replan = () => {
    cancel();
    const now = deps.clock.now();
    const fired = firedKeys();
    const plan = planReminders(meetings, now, lead(), new Set(fired));
    if (plan.due.length > 0) {
      deps.settings.set(
        ShellSetting.firedReminderKeys,
        pruneFiredKeys([...fired, ...plan.due.map((r) => r.key)], now),
      );
      for (const reminder of plan.due)
        deps.notify(reminderNotice(reminder, now, deps.timeZone?.(), deps.timeStyle?.()));
    }
    if (plan.nextAt !== null) {
      handle = deps.clock.setTimeout(
        () => {
          handle = null;
          replan();
        },
        Math.min(plan.nextAt - now, MAX_TIMER_MS),
      );
    }
  };

  return {
    setMeetings(next) {
      meetings = next;
      replan();
    },
    replan,
    lead,
    setLead(next) {
      deps.settings.set(ShellSetting.reminderLeadMinutes, next);
      replan();
      for (const listener of [...leadListeners]) listener(lead());
    },
    onLeadChange(listener) {
      leadListeners.add(listener);
      return () => leadListeners.delete(listener);
    },
    dispose() {
      cancel();
      leadListeners.clear();
    },
  };
}
