/**
 * Wall-clock formatting for the tray and notifications. All arithmetic happens on UTC epoch
 * milliseconds; a time zone is applied only when turning an instant into text, so DST changes
 * and time-zone moves never shift a meeting. Given a TimeStyle (the system's locale and the
 * `clock` option, preload/shared/time-style.ts) times follow it; without one they keep the
 * narrow 24-hour form the tray started with. Countdown words come from
 * preload/shared/time-countdown.ts, which the window uses too.
 */
import { createDateKeyFormat } from '../../preload/shared/date-key.ts';
import { clockOptions, type TimeStyle } from '../../preload/shared/time-style.ts';

/** The tray's original style: "14:00" and "Fri 27 Nov", whatever the system's locale. */
const NARROW_24H: TimeStyle = { locale: 'en-GB', hourCycle: 'h23' };

export interface ZonedFormat {
  /** "14:00", or "2:00 PM" in a 12-hour style. */
  clockTime(epochMs: number): string;
  /** "2026-11-24": the calendar day an instant falls on. */
  dateKey(epochMs: number): string;
  /** "Fri 27 Nov" (en-GB), "Fri, Nov 27" (en-US), "Fr., 27. Nov." (de-DE). */
  shortDate(epochMs: number): string;
}

/**
 * Formatters for one time zone and style. Building an Intl.DateTimeFormat costs far more than
 * using one, so callers that format many instants (a tray rebuild) create this once per pass —
 * and again after a time-zone change, since a built formatter keeps its zone.
 */
export function createZonedFormat(timeZone?: string, style: TimeStyle = NARROW_24H): ZonedFormat {
  const clock = new Intl.DateTimeFormat(style.locale, clockOptions(style, timeZone));
  const short = new Intl.DateTimeFormat(style.locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  return {
    clockTime: (epochMs) => clock.format(epochMs),
    dateKey: createDateKeyFormat(timeZone),
    shortDate: (epochMs) => short.format(epochMs),
  };
}

/** "14:00" in the given zone (and style). */
export function formatClockTime(epochMs: number, timeZone?: string, style?: TimeStyle): string {
  return createZonedFormat(timeZone, style).clockTime(epochMs);
}

/** Shortens to `max` characters with an ellipsis, so long topics do not stretch the menu. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}
