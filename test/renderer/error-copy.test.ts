import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../preload/contract.ts';
import { ERROR_COPY, errorCopy, FATHOM_ERROR_COPY } from '../../renderer/copy/error-copy.ts';

describe('error copy', () => {
  it('covers every error code and nothing else', () => {
    expect(Object.keys(ERROR_COPY).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(ERROR_CODES)('%s has a title and an action a person can follow', (code) => {
    const copy = ERROR_COPY[code];
    expect(copy.title.trim().length).toBeGreaterThan(3);
    expect(copy.action.trim().length).toBeGreaterThan(20);
    expect(copy.action).toMatch(/[.!]$/u);
    // Copy is for people: no raw codes or jargon leaking through.
    expect(`${copy.title} ${copy.action}`).not.toMatch(/\b[a-z]+_[a-z]+|HTTP|undefined/u);
  });

  it('uses the agreed wording for the common cases', () => {
    expect(ERROR_COPY.access_denied.action).toBe(
      'You declined access in the browser. Sign in again and choose Allow to see your meetings.',
    );
    expect(ERROR_COPY.offline.action).toBe(
      "You're offline. Meeting Tray will update when you're back online.",
    );
    expect(ERROR_COPY.keychain_unavailable.action).toContain('GNOME Keyring or KWallet');
    expect(ERROR_COPY.keychain_locked.action).toMatch(/^Unlock your login keychain/u);
  });

  it('falls back to the unknown copy for a code it does not know', () => {
    expect(errorCopy('no_such_code' as never)).toBe(ERROR_COPY.unknown);
  });

  describe('when Fathom is the one that failed', () => {
    it.each(Object.keys(FATHOM_ERROR_COPY) as Array<keyof typeof FATHOM_ERROR_COPY>)(
      '%s names Fathom, not Zoom, and says what to do',
      (code) => {
        const copy = errorCopy(code, 'fathom');
        expect(copy).toBe(FATHOM_ERROR_COPY[code]);
        expect(`${copy.title} ${copy.action}`).not.toMatch(/Zoom|\bsign in\b/iu);
        expect(copy.action.trim().length).toBeGreaterThan(20);
        expect(copy.action).toMatch(/[.!]$/u);
        expect(`${copy.title} ${copy.action}`).not.toMatch(/\b[a-z]+_[a-z]+|HTTP|undefined/u);
      },
    );

    it('covers every shared code whose words name Zoom', () => {
      const namesZoom = (Object.keys(ERROR_COPY) as Array<keyof typeof ERROR_COPY>).filter(
        (code) =>
          !code.startsWith('fathom_') &&
          /Zoom|Sign in|sign in|sign-in/u.test(
            `${ERROR_COPY[code].title} ${ERROR_COPY[code].action}`,
          ),
      );
      // Zoom's own session, the keychain (the same for both), and a code only Fathom raises.
      const notForFathom = new Set([
        'session_expired',
        'keychain_locked',
        'keychain_unavailable',
        'loopback_port_busy',
      ]);
      for (const code of namesZoom)
        if (!notForFathom.has(code)) expect(FATHOM_ERROR_COPY, code).toHaveProperty(code);
    });

    it('keeps Zoom’s words for Zoom, and the Fathom-only codes’ own words for both', () => {
      expect(errorCopy('rate_limited')).toBe(ERROR_COPY.rate_limited);
      expect(errorCopy('rate_limited', 'fathom').title).toBe('Fathom is busy');
      expect(errorCopy('fathom_key_invalid', 'fathom')).toBe(ERROR_COPY.fathom_key_invalid);
    });
  });
});
