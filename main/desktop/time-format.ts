/**
 * Wall-clock formatting for the tray and notifications. All arithmetic happens on UTC epoch
 * milliseconds; a time zone is applied only when turning an instant into text, so DST changes
 * and time-zone moves never shift a meeting.
 */
import { createDateKeyFormat } from '../../preload/shared/date-key.ts';

const MINUTE = 60_000;

export interface ZonedFormat {
  /** "14:00" (24-hour, so the tray stays narrow and unambiguous). */
  clockTime(epochMs: number): string;
  /** "2026-11-24": the calendar day an instant falls on. */
  dateKey(epochMs: number): string;
  /** "Fri 27 Nov". */
  shortDate(epochMs: number): string;
}

/**
 * Formatters for one time zone. Building an Intl.DateTimeFormat costs far more than using one,
 * so callers that format many instants (a tray rebuild) create this once per pass.
 */
export function createZonedFormat(timeZone?: string): ZonedFormat {
  const clock = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const short = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  return {
    clockTime(epochMs) {
      const parts = clock.formatToParts(epochMs);
      const get = (type: Intl.DateTimeFormatPartTypes) =>
        parts.find((p) => p.type === type)?.value ?? '00';
      return `${get('hour')}:${get('minute')}`;
    },
    dateKey: createDateKeyFormat(timeZone),
    shortDate: (epochMs) => short.format(epochMs),
  };
}

/** "14:00" in the given zone. */
export function formatClockTime(epochMs: number, timeZone?: string): string {
  return createZonedFormat(timeZone).clockTime(epochMs);
}

/** "in 25 min", "in 1 h 5 min", "in 3 days" — rounded up so "in 0 min" never shows early. */
export function formatCountdown(fromMs: number, toMs: number): string {
  const minutes = Math.ceil((toMs - fromMs) / MINUTE);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `in ${minutes} min`;
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? `in ${hours} h` : `in ${hours} h ${rest} min`;
  }
  const days = Math.round(minutes / (24 * 60));
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}

/** "started 4 min ago" for a meeting in progress. */
export function formatElapsed(fromMs: number, toMs: number): string {
  const minutes = Math.floor((toMs - fromMs) / MINUTE);
  return minutes <= 0 ? 'starting now' : `started ${minutes} min ago`;
}

/** Shortens to `max` characters with an ellipsis, so long topics do not stretch the menu. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
