import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../preload/contract.ts';
import { ERROR_COPY, errorCopy } from '../../renderer/copy/error-copy.ts';

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
});
