/**
 * Local-time formatting for meetings. The time zone and locale are parameters so tests are
 * deterministic; the app passes the system zone. One formatter set is built per zone and reused,
 * because constructing Intl.DateTimeFormat is far more expensive than calling it (1,000 rows).
 * Day keys come from preload/shared/date-key.ts, the same algorithm the tray uses.
 */
import { createDateKeyFormat } from '../../preload/shared/date-key.ts';

export interface TimeFormat {
  /** Calendar day in the zone as `YYYY-MM-DD`; string order is date order. */
  dayKey(epochMs: number): string;
  /** Wall-clock time, 24-hour: `14:00`. */
  clock(epochMs: number): string;
  /** Short day for rows further out: `Thu 26 Nov`. */
  day(epochMs: number): string;
}

export interface TimeFormatOptions {
  timeZone: string;
  /** BCP 47 locale for day and month names; the clock is always 24-hour. */
  locale?: string;
}

export function createTimeFormat({ timeZone, locale = 'en-GB' }: TimeFormatOptions): TimeFormat {
  const clockFormat = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dayFormat = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  });

  return {
    dayKey: createDateKeyFormat(timeZone),
    clock: (epochMs) => clockFormat.format(epochMs),
    day: (epochMs) => dayFormat.format(epochMs).replace(',', ''),
  };
}

/** `30 min`, `1 h`, `1 h 15 min`. */
export function formatDuration(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** `14:00–14:30 · 30 min`; just `14:00` when Zoom gives no length. */
export function formatTimeRange(
  format: TimeFormat,
  startMs: number,
  durationMinutes: number,
): string {
  if (durationMinutes <= 0) return format.clock(startMs);
  const endMs = startMs + durationMinutes * 60_000;
  return `${format.clock(startMs)}–${format.clock(endMs)} · ${formatDuration(durationMinutes)}`;
}

/** The zone the renderer runs in; Electron's Chromium follows the system setting. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
