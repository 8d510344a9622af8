import { describe, expect, it } from 'vitest';
import { formatMinutes } from '../../preload/shared/time-countdown.ts';
import { createTimeFormat, formatTimeRange } from '../../renderer/time/time-format.ts';

describe('createTimeFormat', () => {
  it('gives the calendar day in the requested zone, not in UTC', () => {
    const instant = Date.parse('2026-11-24T23:30:00Z');
    expect(createTimeFormat({ timeZone: 'Europe/London' }).dayKey(instant)).toBe('2026-11-24');
    expect(createTimeFormat({ timeZone: 'Europe/Berlin' }).dayKey(instant)).toBe('2026-11-25');
    expect(createTimeFormat({ timeZone: 'America/Los_Angeles' }).dayKey(instant)).toBe(
      '2026-11-24',
    );
  });

  it('formats the local clock in the locale’s habit, or the hour cycle asked for', () => {
    const instant = Date.parse('2026-11-24T14:05:00Z');
    expect(createTimeFormat({ timeZone: 'Europe/London' }).clock(instant)).toBe('14:05');
    expect(createTimeFormat({ timeZone: 'Asia/Kolkata' }).clock(instant)).toBe('19:35');
    expect(
      createTimeFormat({ timeZone: 'America/New_York', locale: 'en-US' }).clock(instant),
    ).toMatch(/^9:05\sAM$/u);
    expect(
      createTimeFormat({ timeZone: 'America/New_York', locale: 'en-US', hourCycle: 'h23' }).clock(
        instant,
      ),
    ).toBe('09:05');
    expect(
      createTimeFormat({ timeZone: 'Europe/Berlin', locale: 'de-DE', hourCycle: 'h12' }).clock(
        instant,
      ),
    ).toMatch(/^3:05\sPM$/u);
  });

  it('names days in the locale', () => {
    const friday = Date.parse('2026-11-27T13:00:00Z');
    expect(createTimeFormat({ timeZone: 'UTC', locale: 'en-US' }).day(friday)).toBe('Fri Nov 27');
    expect(createTimeFormat({ timeZone: 'UTC', locale: 'de-DE' }).day(friday)).toBe('Fr. 27. Nov.');
  });

  it('binds numbers to units with a no-break space when asked (the window)', () => {
    const format = createTimeFormat({ timeZone: 'Europe/London', nonBreaking: true });
    expect(formatTimeRange(format, Date.parse('2026-11-24T14:00:00Z'), 50)).toBe(
      '14:00–14:50 · 50\u00a0min',
    );
    expect(format.duration(90)).toBe('1\u00a0h 30\u00a0min');
  });

  it('formats a short day label without a comma', () => {
    const format = createTimeFormat({ timeZone: 'Europe/London' });
    expect(format.day(Date.parse('2026-11-27T13:00:00Z'))).toBe('Fri 27 Nov');
  });
});

describe('formatMinutes (lengths in the window)', () => {
  it.each([
    [0, '0 min'],
    [15, '15 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [125, '2 h 5 min'],
  ])('%i minutes reads %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe('formatTimeRange', () => {
  const london = createTimeFormat({ timeZone: 'Europe/London' });

  it('shows start, end and length', () => {
    expect(formatTimeRange(london, Date.parse('2026-11-24T14:00:00Z'), 30)).toBe(
      '14:00–14:30 · 30 min',
    );
  });

  it('crosses midnight', () => {
    expect(formatTimeRange(london, Date.parse('2026-11-24T23:30:00Z'), 60)).toBe(
      '23:30–00:30 · 1 h',
    );
  });

  it('uses real elapsed time across a DST change', () => {
    // 01:30 BST + 60 min lands at 01:30 GMT on the morning clocks go back.
    expect(formatTimeRange(london, Date.parse('2026-10-25T00:30:00Z'), 60)).toBe(
      '01:30–01:30 · 1 h',
    );
  });

  it('shows only the start when Zoom gives no length', () => {
    expect(formatTimeRange(london, Date.parse('2026-11-24T14:00:00Z'), 0)).toBe('14:00');
  });
});
