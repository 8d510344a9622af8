import { describe, expect, it } from 'vitest';
import { classifyKeychainError } from '../../../../main/core/secrets/keychain-errors.ts';

describe('classifyKeychainError', () => {
  it.each([
    "Couldn't access platform storage: AccessDenied",
    'Platform secure storage failure: org.freedesktop.secrets was not provided by any .service files',
    'No storage access: Cannot autolaunch D-Bus without X11 $DISPLAY',
    'The stub received bad data.',
  ])('maps "%s" to keychain_unavailable with install/unlock advice', (message) => {
    const notice = classifyKeychainError(new Error(message));
    expect(notice.code).toBe('keychain_unavailable');
    expect(notice.message).toMatch(/gnome-keyring or KWallet/);
  });

  it.each([
    'The user name or passphrase you entered is not correct.',
    'Platform secure storage failure: the collection is locked',
    'Prompt dismissed',
  ])('maps "%s" to keychain_locked with unlock advice', (message) => {
    const notice = classifyKeychainError(new Error(message));
    expect(notice.code).toBe('keychain_locked');
    expect(notice.message).toMatch(/[Uu]nlock your login keychain/);
  });

  it.each([
    'Cannot find native binding. npm has a bug related to optional dependencies',
    "Cannot find module '@napi-rs/keyring-darwin-x64'",
  ])(
    'maps "%s" (no binding for this processor) to keychain_unavailable with reinstall advice',
    (message) => {
      const notice = classifyKeychainError(new Error(message));
      expect(notice.code).toBe('keychain_unavailable');
      expect(notice.message).toMatch(/Reinstall Meeting Tray/);
    },
  );

  it('handles non-Error values', () => {
    expect(classifyKeychainError('boom').code).toBe('keychain_unavailable');
  });
});
