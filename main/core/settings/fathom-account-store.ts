// Where Fathom's own configuration is kept: the OAuth client entered in Settings (client ID and
// redirect port in the settings file, the client secret in the keychain under its own key) and
// the personal API key (keychain only, api-key-credential.ts). The settings file never holds a secret.
import type { Logger, SecretStore, SettingsStore } from '../ports.ts';
import { classifyKeychainError } from '../secrets/keychain-errors.ts';
import { keepSecretOrRefuse, writeSettingOrRefuse } from './account-store-writes.ts';
import { isRedirectPort } from './fathom-oauth-rules.ts';

/** The settings-file key of the OAuth client entered in Settings. */
export const FATHOM_OAUTH_SETTING = 'settings.fathomOAuth';
/** The keychain key of its client secret. */
export const FATHOM_CLIENT_SECRET_KEY = 'settings:fathom-client-secret';

export interface SavedFathomOAuth {
  clientId: string;
  redirectPort: number;
  hasClientSecret: boolean;
}

export interface FathomAccountStore {
  read(): SavedFathomOAuth | null;
  /** The saved client secret, or null (none saved, or the keychain cannot be read). */
  readSecret(): Promise<string | null>;
  /** The keychain goes first: if it refuses the secret, nothing is saved. */
  write(saved: { clientId: string; redirectPort: number }, secret: string): Promise<void>;
}

export function createFathomAccountStore(deps: {
  settings: SettingsStore;
  secrets: SecretStore;
  logger: Logger;
}): FathomAccountStore {
  const { settings, secrets, logger } = deps;
  const read = (): SavedFathomOAuth | null => {
    const saved = asSaved(settings.get<unknown>(FATHOM_OAUTH_SETTING));
    if (saved === undefined) return null;
    if (saved === null) logger.warn('ignoring a saved Fathom app that is not a valid one');
    return saved;
  };
  return {
    read,
    async readSecret() {
      if (!read()?.hasClientSecret) return null;
      try {
        return await secrets.get(FATHOM_CLIENT_SECRET_KEY);
      } catch (error) {
        logger.warn('the Fathom client secret could not be read', {
          code: classifyKeychainError(error).code,
        });
        return null;
      }
    },
    async write(saved, secret) {
      const what = 'so the Fathom client secret could not be kept and nothing was saved';
      await keepSecretOrRefuse(() => secrets.set(FATHOM_CLIENT_SECRET_KEY, secret), {
        locked: `Your keychain is locked, ${what}. Unlock your login keychain (or keyring) and try again.`,
        missing: `No system keychain is available, ${what}. Install or unlock a keychain and try again.`,
      });
      writeSettingOrRefuse(() =>
        settings.set(FATHOM_OAUTH_SETTING, {
          clientId: saved.clientId,
          redirectPort: saved.redirectPort,
          hasClientSecret: true,
        } satisfies SavedFathomOAuth),
      );
    },
  };
}

/** undefined: nothing saved; null: something that is not a saved Fathom app (hand edits). */
function asSaved(value: unknown): SavedFathomOAuth | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (
    typeof v.clientId !== 'string' ||
    v.clientId === '' ||
    !isRedirectPort(v.redirectPort) ||
    typeof v.hasClientSecret !== 'boolean'
  )
    return null;
  return { clientId: v.clientId, redirectPort: v.redirectPort, hasClientSecret: v.hasClientSecret };
}
