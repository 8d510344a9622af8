import { describe, expect, it } from 'vitest';
import { createDateKeyFormat, nextDateKey } from '../../../preload/shared/date-key.ts';

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
