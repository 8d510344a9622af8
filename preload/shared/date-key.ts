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
