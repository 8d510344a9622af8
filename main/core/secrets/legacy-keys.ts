// Earlier builds kept demo sign-ins under a keychain account named after the sandbox's port,
// new each run, so every restart left one more item behind. This removes them, once.
import type { Logger, SettingsStore } from '../ports.ts';

/** Set once the keychain has been swept, so later starts skip the search. */
export const LEGACY_KEYS_SWEPT_SETTING = 'keychain.legacyKeysSwept';

/** A keychain that can list what it holds under our service name. */
export interface SweepableKeychain {
  accounts(): Promise<string[]>;
  delete(account: string): Promise<void>;
}

/**
 * True for an account an earlier build made for the demo sandbox:
 * `oauth-tokens:<demo client>@127.0.0.1:<port>`, and the chunk, pending and retired entries the
 * chunked store hangs off it on Windows.
 */
export function isLegacyDemoAccount(account: string, demoClientId: string): boolean {
  const prefix = `oauth-tokens:${demoClientId}@127.0.0.1:`;
  if (!account.startsWith(prefix)) return false;
  return /^\d{1,5}(?:\.chunk\.[0-9a-f]+\.\d+|\.pending|\.retired)?$/.test(
    account.slice(prefix.length),
  );
}

/**
 * Deletes every legacy account except those the app still uses, then notes in the settings
 * that it is done. A keychain that cannot be listed or written is left for the next start; the
 * sweep never stands in the way of signing in.
 */
export async function sweepLegacyKeychainItems(deps: {
  keychain: SweepableKeychain;
  isLegacy: (account: string) => boolean;
  /** The account (and its chunk entries) the current provider keeps its tokens under, if any. */
  inUse: string | null;
  settings: SettingsStore;
  logger: Logger;
}): Promise<void> {
  const { keychain, settings, logger } = deps;
  if (settings.get(LEGACY_KEYS_SWEPT_SETTING) === true) return;
  const { inUse } = deps;
  const stillUsed = (account: string) =>
    inUse !== null && (account === inUse || account.startsWith(`${inUse}.`));
  try {
    const legacy = (await keychain.accounts()).filter(
      (account) => deps.isLegacy(account) && !stillUsed(account),
    );
    for (const account of legacy) await keychain.delete(account);
    if (legacy.length > 0) logger.info('removed old demo keychain items', { count: legacy.length });
  } catch (error) {
    logger.info('old demo keychain items not removed this time', {
      error: error instanceof Error ? error.message : String(error),
    });
    return;
  }
  try {
    settings.set(LEGACY_KEYS_SWEPT_SETTING, true);
  } catch {
    // An unwritable data folder only means the (harmless, now empty) search runs again.
  }
}
