import { describe, expect, it } from 'vitest';
import { createDateKeyFormat, dayStart, nextDateKey } from '../../../preload/shared/date-key.ts';

describe('createDateKeyFormat', () => {
  it('gives the calendar day in the requested zone, not in UTC', () => {
    const instant = Date.parse('2026-11-24T23:30:00Z');
    expect(createDateKeyFormat('Europe/London')(instant)).toBe('2026-11-24');
    expect(createDateKeyFormat('Europe/Berlin')(instant)).toBe('2026-11-25');
    expect(createDateKeyFormat('Pacific/Kiritimati')(instant)).toBe('2026-11-25');
    expect(createDateKeyFormat('America/Los_Angeles')(instant)).toBe('2026-11-24');
  });

  it('pads months and days so string order is date order', () => {
    const key = createDateKeyFormat('UTC');
    expect(key(Date.parse('2026-01-05T12:00:00Z'))).toBe('2026-01-05');
    expect(key(Date.parse('2026-01-05T12:00:00Z')) < key(Date.parse('2026-10-01T12:00:00Z'))).toBe(
      true,
    );
  });
});

describe('nextDateKey', () => {
  it('rolls over months and years', () => {
    expect(nextDateKey('2026-11-30')).toBe('2026-12-01');
    expect(nextDateKey('2026-12-31')).toBe('2027-01-01');
    expect(nextDateKey('2028-02-28')).toBe('2028-02-29');
  });

  it('is not fooled by 23- or 25-hour DST days', () => {
    expect(nextDateKey('2026-03-29')).toBe('2026-03-30'); // Europe springs forward
    expect(nextDateKey('2026-11-01')).toBe('2026-11-02'); // US falls back
  });
});

describe('dayStart', () => {
  const start = (zone: string, day: string) =>
    new Date(dayStart(day, createDateKeyFormat(zone))).toISOString();

  it('is local midnight in the zone, to the millisecond', () => {
    expect(start('Europe/London', '2026-11-24')).toBe('2026-11-24T00:00:00.000Z');
    expect(start('Europe/Berlin', '2026-11-24')).toBe('2026-11-23T23:00:00.000Z');
    expect(start('America/Los_Angeles', '2026-11-24')).toBe('2026-11-24T08:00:00.000Z');
    expect(start('Asia/Kathmandu', '2026-11-24')).toBe('2026-11-23T18:15:00.000Z');
    expect(start('Pacific/Kiritimati', '2026-11-24')).toBe('2026-11-23T10:00:00.000Z');
    expect(start('Pacific/Pago_Pago', '2026-11-24')).toBe('2026-11-24T11:00:00.000Z');
  });

  it('follows DST: the day after a 23-hour day starts 23 hours after it', () => {
    const berlin = createDateKeyFormat('Europe/Berlin');
    expect(dayStart('2026-03-30', berlin) - dayStart('2026-03-29', berlin)).toBe(23 * 3_600_000);
    expect(dayStart('2026-10-26', berlin) - dayStart('2026-10-25', berlin)).toBe(25 * 3_600_000);
  });

  it('finds the next day when a zone skips one (Samoa, 30 December 2011)', () => {
    const apia = createDateKeyFormat('Pacific/Apia');
    expect(dayStart('2011-12-30', apia)).toBe(dayStart('2011-12-31', apia));
  });
});
