/**
 * How the app writes times: the locale (from the system; main pushes it) and the 12- or 24-hour
 * clock, which follows the locale unless the person chose one (the `clock` option). Electron
 * has no API for the system's 12/24-hour setting (desktop-facts §4), so "system" means the
 * locale's own habit unless a host knows better. Pure, for main and the renderer alike.
 */
import type { ClockChoice, HourCycle, JoinChoice } from '../contract.ts';

export const CLOCK_CHOICES: readonly ClockChoice[] = ['system', '12h', '24h'];
export const DEFAULT_CLOCK_CHOICE: ClockChoice = 'system';
export const JOIN_CHOICES: readonly JoinChoice[] = ['app', 'browser'];
export const DEFAULT_JOIN_CHOICE: JoinChoice = 'app';

/** What every formatter needs besides the zone. */
export interface TimeStyle {
  /** A BCP 47 tag Intl supports; undefined means the runtime's default locale. */
  locale: string | undefined;
  hourCycle: HourCycle;
}

/** A stored `clock` setting, or the default for anything else (a hand-edited file, an old value). */
export function parseClockChoice(value: unknown): ClockChoice {
  return CLOCK_CHOICES.find((choice) => choice === value) ?? DEFAULT_CLOCK_CHOICE;
}

/** A stored `joinIn` setting, or the default. */
export function parseJoinChoice(value: unknown): JoinChoice {
  return JOIN_CHOICES.find((choice) => choice === value) ?? DEFAULT_JOIN_CHOICE;
}

/** The locale itself when Intl knows it (e.g. `de-DE`), else undefined (the runtime's default). */
export function supportedLocale(candidate: string | null | undefined): string | undefined {
  if (!candidate) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([candidate])[0];
  } catch {
    return undefined; // not a well-formed tag
  }
}

/** The locale's habit: en-US and en-IN write 2:05 PM, en-GB and de-DE 14:05. */
export function localeHourCycle(locale: string | undefined): HourCycle {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

/**
 * The clock to show: the person's choice when they made one, else the system's setting when the
 * host could read it, else the locale's habit.
 */
export function resolveTimeStyle(options: {
  locale: string | null | undefined;
  clock: ClockChoice;
  systemHourCycle?: HourCycle | null;
}): TimeStyle {
  const locale = supportedLocale(options.locale);
  const hourCycle =
    options.clock === '12h'
      ? 'h12'
      : options.clock === '24h'
        ? 'h23'
        : (options.systemHourCycle ?? localeHourCycle(locale));
  return { locale, hourCycle };
}

/** Intl options for a wall-clock time in this style: `14:05` or `2:05 PM` (the locale's words). */
export function clockOptions(style: TimeStyle, timeZone?: string): Intl.DateTimeFormatOptions {
  return {
    timeZone,
    hour: style.hourCycle === 'h23' ? '2-digit' : 'numeric',
    minute: '2-digit',
    hourCycle: style.hourCycle,
  };
}

/**
 * True when Intl knows the zone. A zone the system reports but Intl cannot use (`Etc/Unknown`,
 * seen on Windows 11 SL, desktop-facts §4) fails here, and callers fall back.
 */
export function isUsableTimeZone(zone: string | null | undefined): zone is string {
  if (!zone || zone === 'Etc/Unknown') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The first usable zone of the candidates (system, then Zoom profile), else UTC. */
export function pickTimeZone(...candidates: ReadonlyArray<string | null | undefined>): string {
  return candidates.find(isUsableTimeZone) ?? 'UTC';
}
