import type { Notice } from '../../../preload/contract.ts';

/**
 * Turns a keychain failure into a notice a person can act on. Messages come from
 * keyring-rs via @napi-rs/keyring: "Couldn't access platform storage: …" when no Secret
 * Service runs, and macOS's "user name or passphrase … is not correct" when the login
 * keychain is locked. A missing native module (the lazy load in keyring-secret-store.ts
 * failed) is told apart, since no keyring daemon would fix it.
 */
export function classifyKeychainError(error: unknown): Notice {
  const text = (error instanceof Error ? error.message : String(error)).toLowerCase();
  // The package lacks the keychain module built for this processor (napi-rs's loader says so).
  if (text.includes('native binding') || text.includes('cannot find module')) {
    return {
      code: 'keychain_unavailable',
      message:
        "Meeting Tray's keychain component is missing from this installation, so your sign-in lasts only until Meeting Tray quits. Reinstall Meeting Tray with the installer for this computer's processor to stay signed in.",
    };
  }
  const locked =
    text.includes('passphrase') ||
    text.includes('is locked') ||
    text.includes('keychain locked') ||
    text.includes('user interaction') ||
    text.includes('prompt dismissed') ||
    text.includes('dismissed');
  if (locked) {
    return {
      code: 'keychain_locked',
      message:
        'Your keychain is locked, so your sign-in lasts only until Meeting Tray quits. Unlock your login keychain (or keyring) and sign in again to stay signed in.',
    };
  }
  return {
    code: 'keychain_unavailable',
    message:
      'No system keychain is available, so your sign-in lasts only until Meeting Tray quits. To stay signed in, install or unlock gnome-keyring or KWallet (Linux), then sign in again.',
  };
}
