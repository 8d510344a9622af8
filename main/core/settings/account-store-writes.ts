// How the two account stores (Zoom's, Fathom's) save what Settings gives them: the secret to the
// keychain first, refused with an actionable code when the keychain cannot take it, then the
// non-secret fields to the settings file, refused with settings_unwritable when it is read-only.
import { AppError } from '../errors.ts';
import { classifyKeychainError } from '../secrets/keychain-errors.ts';

/** What to tell the person when the keychain is locked, and when there is none. */
export interface KeychainRefusals {
  locked: string;
  missing: string;
}

export async function keepSecretOrRefuse(
  keep: () => Promise<void>,
  refusals: KeychainRefusals,
): Promise<void> {
  try {
    await keep();
  } catch (error) {
    const { code } = classifyKeychainError(error);
    throw new AppError(code, code === 'keychain_locked' ? refusals.locked : refusals.missing, {
      cause: error,
    });
  }
}

export function writeSettingOrRefuse(write: () => void): void {
  try {
    write();
  } catch (error) {
    throw new AppError(
      'settings_unwritable',
      'Meeting Tray could not save your settings: its data folder cannot be written.',
      { cause: error },
    );
  }
}
