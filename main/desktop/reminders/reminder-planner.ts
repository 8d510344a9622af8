import type { Meeting, ReminderLeadChoice } from '../../../preload/contract.ts';
import {
  DEFAULT_REMINDER_LEAD,
  isReminderLeadChoice,
  REMINDER_LEAD_CHOICES,
} from '../../../preload/shared/preferences.ts';

// The lead times a person can choose ('off', 0 = "when it starts", minutes before) are defined
// once in preload/shared/preferences.ts, which the Settings screen lists too.
export { DEFAULT_REMINDER_LEAD, REMINDER_LEAD_CHOICES };
export type ReminderLead = ReminderLeadChoice;

export function parseReminderLead(value: unknown): ReminderLead {
  return isReminderLeadChoice(value) ? value : DEFAULT_REMINDER_LEAD;
}

export interface Reminder {
  /** `${meetingId}@${ISO start}`: one per occurrence, stable across refreshes and time zones. */
  key: string;
  meetingId: string;
  topic: string;
  startsAt: number;
  fireAt: number;
  joinUrl: string;
}

export interface ReminderPlan {
  /** Reminders to show now: their moment has come and the meeting has not started yet. */
  due: Reminder[];
  /** Epoch ms of the next future reminder, or null when none is planned. */
  nextAt: number | null;
}

const MINUTE = 60_000;
/**
 * A "when it starts" reminder is due at the start itself, when the meeting no longer counts as
 * upcoming; it may still fire this long after, and no longer (a wake-up much later stays quiet).
 */
const AT_START_GRACE_MS = MINUTE;

/** The occurrence key; the start is normalised so "…:00Z" and "…:00.000Z" agree. */
export function reminderKey(meetingId: string, startsAt: number): string {
  return `${meetingId}@${new Date(startsAt).toISOString()}`;
}

/**
 * Which reminders are due now and when the next one is. Works only on UTC epoch milliseconds,
 * so clock-zone changes cannot move a reminder. A meeting that has already started never gets
 * a reminder (a "when it starts" one only within its first minute) — that is what stops a laptop
 * waking from sleep from announcing meetings it slept through — and a key in `alreadyFired`
 * never fires twice.
 */
export function planReminders(
  meetings: readonly Meeting[],
  now: number,
  lead: ReminderLead,
  alreadyFired: ReadonlySet<string>,
): ReminderPlan {
  if (lead === 'off') return { due: [], nextAt: null };
  const due: Reminder[] = [];
  const seen = new Set<string>();
  let nextAt: number | null = null;
  for (const meeting of meetings) {
    const startsAt = meeting.startMs;
    const grace = lead === 0 ? AT_START_GRACE_MS : 0;
    if (startsAt === null || startsAt + grace <= now) continue;
    const key = reminderKey(meeting.id, startsAt);
    if (alreadyFired.has(key) || seen.has(key)) continue;
    seen.add(key);
    const fireAt = startsAt - lead * MINUTE;
    if (fireAt <= now) {
      due.push({
        key,
        meetingId: meeting.id,
        topic: meeting.topic,
        startsAt,
        fireAt,
        joinUrl: meeting.joinUrl,
      });
    } else if (nextAt === null || fireAt < nextAt) {
      nextAt = fireAt;
    }
  }
  due.sort((a, b) => a.startsAt - b.startsAt);
  return { due, nextAt };
}

/** Drops fired keys for occurrences that started over a day ago, so the settings file stays small. */
export function pruneFiredKeys(keys: readonly string[], now: number): string[] {
  const horizon = now - 24 * 60 * MINUTE;
  return keys.filter((key) => {
    const startsAt = Date.parse(key.slice(key.lastIndexOf('@') + 1));
    return !Number.isNaN(startsAt) && startsAt >= horizon;
  });
}
