import { describe, expect, it } from 'vitest';
import { initials } from '../../renderer/components/initials.ts';

describe('initials', () => {
  it('takes the first and last word of the name', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  Jean   Claude van Damme ')).toBe('JD');
  });

  it('uses one letter for a one-word name', () => {
    expect(initials('cher')).toBe('C');
  });

  it('falls back to the email, then to a question mark', () => {
    expect(initials('', 'grace@example.com')).toBe('G');
    expect(initials('   ', '')).toBe('?');
  });

  it('keeps non-Latin letters and astral characters whole', () => {
    expect(initials('Łukasz Żak')).toBe('ŁŻ');
    expect(initials('山田 太郎')).toBe('山太');
    expect(initials('𝒜da Lovelace')).toBe('𝒜L');
  });
});
