/**
 * Countdowns in words — "in 12 min", "started 5 min ago", "ends in 20 min" — for the tray, the
 * reminders and the window, so all three say the same thing. Minutes are whole: a start is
 * rounded up (never "in 0 min" early) and time since a start rounded down (never "started 1 min
 * ago" early). The window passes a no-break space so "in 50 min" never splits across lines.
 */

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** The space between a number and its unit: ' ' in plain text, '\u00a0' where lines wrap. */
export interface CountdownOptions {
  space?: string;
}

/** `30 min`, `1 h`, `1 h 15 min` (whole minutes; negative counts as 0). */
export function formatMinutes(minutes: number, { space = ' ' }: CountdownOptions = {}): string {
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest}${space}min`;
  return rest === 0 ? `${hours}${space}h` : `${hours}${space}h ${rest}${space}min`;
}

/** "in 25 min", "in 1 h 5 min", "in 3 days"; "now" once the moment has come. */
export function formatUntil(now: number, at: number, options: CountdownOptions = {}): string {
  const minutes = Math.ceil((at - now) / MINUTE);
  if (minutes <= 0) return 'now';
  const space = options.space ?? ' ';
  if (minutes < DAY_MINUTES) return `in${space}${formatMinutes(minutes, options)}`;
  const days = Math.round(minutes / DAY_MINUTES);
  return days === 1 ? `in${space}1${space}day` : `in${space}${days}${space}days`;
}

/** "started 4 min ago", "started 1 h 5 min ago"; "starting now" in its first minute. */
export function formatSince(start: number, now: number, options: CountdownOptions = {}): string {
  const minutes = Math.floor((now - start) / MINUTE);
  return minutes <= 0 ? 'starting now' : `started ${formatMinutes(minutes, options)} ago`;
}

/** "ends in 20 min"; "ending now" in its last minute or after. */
export function formatUntilEnd(now: number, end: number, options: CountdownOptions = {}): string {
  const minutes = Math.ceil((end - now) / MINUTE);
  return minutes <= 0
    ? 'ending now'
    : `ends in${options.space ?? ' '}${formatMinutes(minutes, options)}`;
}
