/**
 * Wall-clock formatting for the tray and notifications. All arithmetic happens on UTC epoch
 * milliseconds; a time zone is applied only when turning an instant into text, so DST changes
 * and time-zone moves never shift a meeting.
 */
const MINUTE = 60_000;

function partsOf(epochMs: number, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** "14:00" in the given zone (24-hour, so the tray stays narrow and unambiguous). */
export function formatClockTime(epochMs: number, timeZone?: string): string {
  const { hour, minute } = partsOf(epochMs, timeZone);
  return `${hour}:${minute}`;
}

/** "2026-11-24": the calendar day an instant falls on in the given zone. */
export function localDateKey(epochMs: number, timeZone?: string): string {
  const { year, month, day } = partsOf(epochMs, timeZone);
  return `${year}-${month}-${day}`;
}

/** The calendar day after `dateKey`, computed on the date alone so a 23- or 25-hour day cannot skip it. */
export function nextDateKey(dateKey: string): string {
  const [year, month, day] = dateKey.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
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
