import { describe, expect, it } from 'vitest';
import {
  clockOptions,
  localeHourCycle,
  parseClockChoice,
  parseJoinChoice,
  pickTimeZone,
  resolveTimeStyle,
  supportedLocale,
} from '../../../preload/shared/time-style.ts';
import {
  formatMinutes,
  formatSince,
  formatUntil,
  formatUntilEnd,
} from '../../../preload/shared/time-countdown.ts';

const at = Date.parse('2026-11-24T14:05:00Z');
const clock = (locale: string, clockChoice: '12h' | '24h' | 'system', zone = 'UTC') =>
  new Intl.DateTimeFormat(
    ...(() => {
      const style = resolveTimeStyle({ locale, clock: clockChoice });
      return [style.locale, clockOptions(style, zone)] as const;
    })(),
  ).format(at);

describe('the 12/24-hour clock', () => {
  it('follows the locale when the choice is "system"', () => {
    expect(localeHourCycle('en-US')).toBe('h12');
    expect(localeHourCycle('en-GB')).toBe('h23');
    expect(localeHourCycle('de-DE')).toBe('h23');
    expect(clock('en-US', 'system')).toMatch(/^2:05\sPM$/u);
    expect(clock('de-DE', 'system')).toBe('14:05');
  });

  it('is forced by the clock option either way', () => {
    expect(clock('de-DE', '12h')).toMatch(/^2:05\sPM$/u);
    expect(clock('en-US', '24h')).toBe('14:05');
    expect(clock('en-GB', '24h', 'America/Los_Angeles')).toBe('06:05');
  });

  it('takes the system setting over the locale when a host could read it', () => {
    expect(resolveTimeStyle({ locale: 'en-US', clock: 'system', systemHourCycle: 'h23' })).toEqual({
      locale: 'en-US',
      hourCycle: 'h23',
    });
    expect(resolveTimeStyle({ locale: 'en-US', clock: '12h', systemHourCycle: 'h23' })).toEqual({
      locale: 'en-US',
      hourCycle: 'h12',
    });
  });

  it('drops a locale Intl cannot use instead of throwing', () => {
    expect(supportedLocale('de-DE')).toBe('de-DE');
    expect(supportedLocale('not a locale!')).toBeUndefined();
    expect(supportedLocale(null)).toBeUndefined();
    expect(resolveTimeStyle({ locale: 'x-??', clock: '24h' })).toEqual({
      locale: undefined,
      hourCycle: 'h23',
    });
  });
});

describe('stored options', () => {
  it('default anything unknown', () => {
    expect(['system', '12h', '24h', 'h12', null, 12].map(parseClockChoice)).toEqual([
      'system',
      '12h',
      '24h',
      'system',
      'system',
      'system',
    ]);
    expect(['app', 'browser', 'web', undefined].map(parseJoinChoice)).toEqual([
      'app',
      'browser',
      'app',
      'app',
    ]);
  });
});

describe('pickTimeZone', () => {
  it('takes the first zone Intl can use, else UTC', () => {
    expect(pickTimeZone('Etc/Unknown', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(pickTimeZone('Mars/Olympus', null, 'Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(pickTimeZone(null, undefined)).toBe('UTC');
    expect(pickTimeZone('America/Los_Angeles', 'Europe/Berlin')).toBe('America/Los_Angeles');
  });
});

describe('countdowns', () => {
  const start = Date.parse('2026-11-24T14:00:00Z');
  const minutes = (n: number) => n * 60_000;

  it('in N min, rounded up so it never says "in 0 min" early', () => {
    expect(formatUntil(start - minutes(12), start)).toBe('in 12 min');
    expect(formatUntil(start - minutes(11) - 1_000, start)).toBe('in 12 min');
    expect(formatUntil(start - 30_000, start)).toBe('in 1 min');
    expect(formatUntil(start, start)).toBe('now');
    expect(formatUntil(start - minutes(65), start)).toBe('in 1 h 5 min');
    expect(formatUntil(start - minutes(120), start)).toBe('in 2 h');
    expect(formatUntil(start - minutes(24 * 60), start)).toBe('in 1 day');
    expect(formatUntil(start - minutes(3 * 24 * 60), start)).toBe('in 3 days');
  });

  it('started N min ago, rounded down, and ends in N min', () => {
    expect(formatSince(start, start + 30_000)).toBe('starting now');
    expect(formatSince(start, start + minutes(5))).toBe('started 5 min ago');
    expect(formatSince(start, start + minutes(72))).toBe('started 1 h 12 min ago');
    expect(formatUntilEnd(start, start + minutes(20))).toBe('ends in 20 min');
    expect(formatUntilEnd(start + minutes(20) - 1, start + minutes(20))).toBe('ends in 1 min');
    expect(formatUntilEnd(start + minutes(20), start + minutes(20))).toBe('ending now');
  });

  it('binds number and unit with the space it is given, so "50 min" cannot break', () => {
    const nbsp = { space: '\u00a0' };
    expect(formatMinutes(50, nbsp)).toBe('50\u00a0min');
    expect(formatMinutes(90, nbsp)).toBe('1\u00a0h 30\u00a0min');
    expect(formatUntil(start - minutes(50), start, nbsp)).toBe('in\u00a050\u00a0min');
    expect(formatUntil(start - minutes(3 * 24 * 60), start, nbsp)).toBe('in\u00a03\u00a0days');
    expect(formatMinutes(-5)).toBe('0 min');
  });
});
