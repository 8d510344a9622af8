/**
 * Calendar days as `YYYY-MM-DD` keys, for the tray (main) and the window (renderer) alike.
 * A key is taken from an instant in one time zone and compared as a string (string order is
 * date order), so "today" and "tomorrow" follow the person's zone, not UTC.
 */

/** The day an instant falls on in `timeZone` (the system's when omitted). Build once, call often. */
export function createDateKeyFormat(timeZone?: string): (epochMs: number) => string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (epochMs) => {
    const all = parts.formatToParts(epochMs);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      all.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  };
}

/** The day after `dateKey`, computed on the date alone so a 23- or 25-hour DST day cannot skip it. */
export function nextDateKey(dateKey: string): string {
  const [year = 0, month = 1, day = 1] = dateKey.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

const HOUR = 3_600_000;

/**
 * The first instant (epoch ms) whose day by `dateKey` is `dateKey` or later: where that day
 * begins in the zone `dateKey` formats in. Found by bisection to the millisecond (about 28 calls
 * to `dateKey`), so 23- and 25-hour DST days and quarter-hour offsets need no special case. Once
 * a day's bounds are known, which day an instant is on is two comparisons — no formatting.
 */
export function dayStart(day: string, dateKey: (epochMs: number) => string): number {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, date);
  // Every zone's offset is within ±14 h, so the day begins within 14 h of UTC midnight.
  let before = utcMidnight - 15 * HOUR;
  let from = utcMidnight + 15 * HOUR;
  while (from - before > 1) {
    const mid = Math.floor((before + from) / 2);
    if (dateKey(mid) >= day) from = mid;
    else before = mid;
  }
  return from;
}
