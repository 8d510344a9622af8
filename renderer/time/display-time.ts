/**
 * Turns main's display push into what the window formats with: the zone (main's, else the
 * page's, else the Zoom profile's when the system reports one Intl cannot use), the locale and
 * the 12/24-hour clock. Pure, so every combination is a unit test.
 */
import type { DisplayState } from '../../preload/contract.ts';
import {
  DEFAULT_CLOCK_CHOICE,
  DEFAULT_JOIN_CHOICE,
  pickTimeZone,
  resolveTimeStyle,
  supportedLocale,
} from '../../preload/shared/time-style.ts';
import { createTimeFormat, type TimeFormat } from './time-format.ts';

/** What the page knows by itself: its browser's zone and language. */
export interface PageTime {
  timeZone: string;
  locale: string;
}

export function pageTime(): PageTime {
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: typeof navigator === 'undefined' ? 'en-GB' : navigator.language,
  };
}

/** The display until main first answers: the page's own zone and locale, the default choices. */
export function provisionalDisplay(now: number): DisplayState {
  return {
    now,
    timeZone: null,
    locale: null,
    systemHourCycle: null,
    clock: DEFAULT_CLOCK_CHOICE,
    joinIn: DEFAULT_JOIN_CHOICE,
  };
}

/** The window's formatter for this display; build it once per display change, not per row. */
export function displayTimeFormat(
  display: Pick<DisplayState, 'timeZone' | 'locale' | 'systemHourCycle' | 'clock'>,
  page: PageTime,
  profileTimeZone: string | null = null,
): TimeFormat {
  const timeZone = pickTimeZone(display.timeZone ?? page.timeZone, profileTimeZone);
  const locale = supportedLocale(display.locale) ?? supportedLocale(page.locale) ?? 'en-GB';
  const style = resolveTimeStyle({
    locale,
    clock: display.clock,
    systemHourCycle: display.systemHourCycle,
  });
  return createTimeFormat({
    timeZone,
    locale,
    hourCycle: style.hourCycle,
    nonBreaking: true,
  });
}
