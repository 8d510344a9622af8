/**
 * Local-time formatting for meetings. The zone, the locale and the 12/24-hour clock are
 * parameters (main pushes them; see display-time.ts), so tests are deterministic and nothing is
 * forced. One formatter set is built per zone and style and reused, because constructing
 * Intl.DateTimeFormat is far more expensive than calling it (1,000 rows). Day keys come from
 * preload/shared/date-key.ts, the same algorithm the tray uses.
 */
import type { HourCycle } from '../../preload/contract.ts';
import { createDateKeyFormat } from '../../preload/shared/date-key.ts';
import { formatMinutes } from '../../preload/shared/time-countdown.ts';
import { clockOptions, localeHourCycle } from '../../preload/shared/time-style.ts';

/** Binds a number to its unit ("50 min") so a line never breaks between them. */
export const NO_BREAK_SPACE = '\u00a0';

export interface TimeFormat {
  /** Calendar day in the zone as `YYYY-MM-DD`; string order is date order. */
  dayKey(epochMs: number): string;
  /** Wall-clock time in the style: `14:00`, or `2:00 PM`. */
  clock(epochMs: number): string;
  /** Short day for rows further out: `Thu 26 Nov`, `Thu Nov 26`, `Do. 26. Nov.`. */
  day(epochMs: number): string;
  /** A length: `30 min`, `1 h 15 min` (with a no-break space in the window). */
  duration(minutes: number): string;
  /** The zone and locale this format writes in, for labels and comparisons. */
  readonly timeZone: string;
  readonly locale: string | undefined;
}

export interface TimeFormatOptions {
  timeZone: string;
  /** BCP 47 locale for day and month names and the clock's words; en-GB when not given. */
  locale?: string;
  /** 12- or 24-hour; the locale's habit when not given. */
  hourCycle?: HourCycle;
  /** Joins numbers and units with a no-break space (the window); plain spaces otherwise. */
  nonBreaking?: boolean;
}

export function createTimeFormat({
  timeZone,
  locale = 'en-GB',
  hourCycle = localeHourCycle(locale),
  nonBreaking = false,
}: TimeFormatOptions): TimeFormat {
  const clockFormat = new Intl.DateTimeFormat(
    locale,
    clockOptions({ locale, hourCycle }, timeZone),
  );
  const dayFormat = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });
  const space = nonBreaking ? NO_BREAK_SPACE : ' ';

  return {
    dayKey: createDateKeyFormat(timeZone),
    clock: (epochMs) => clockFormat.format(epochMs),
    // en-GB and en-US put a comma after the weekday ("Thu, 26 Nov"); the row reads better without.
    day: (epochMs) => dayFormat.format(epochMs).replace(/^([^\s,]+),/u, '$1'),
    duration: (minutes) => formatMinutes(minutes, { space }),
    timeZone,
    locale,
  };
}

/** `14:00–14:30 · 30 min`; just `14:00` when Zoom gives no length. */
export function formatTimeRange(
  format: TimeFormat,
  startMs: number,
  durationMinutes: number,
): string {
  if (durationMinutes <= 0) return format.clock(startMs);
  const endMs = startMs + durationMinutes * 60_000;
  return `${format.clock(startMs)}–${format.clock(endMs)} · ${format.duration(durationMinutes)}`;
}

/** The zone the page runs in: the browser's (the harness), or Chromium's in the app. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A zone's name as people say it, in the locale: "Central European Time" for Europe/Berlin;
 * the IANA name when Intl has no better one.
 */
export function zoneDisplayName(timeZone: string, locale: string | undefined): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(0)
      .find((p) => p.type === 'timeZoneName')?.value;
    return part && !/^GMT[+-]/u.test(part) ? part : timeZone;
  } catch {
    return timeZone;
  }
}
