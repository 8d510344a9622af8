// Where the account entered in Settings is kept: the non-secret part in the settings file, the
// client secret in the keychain under its own key, never in the file.
import type { ZoomCloud } from '../../../preload/contract.ts';
import { ZOOM_CLOUDS } from '../../../preload/shared/zoom-account-rules.ts';
import { SETTINGS_NAMES } from '../config/resolve-auth-config.ts';
import { zoomProviderConfig, type ZoomAccountFields } from '../config/zoom-account-config.ts';
import type { Logger, SecretStore, SettingsStore } from '../ports.ts';
import { classifyKeychainError } from '../secrets/keychain-errors.ts';
import { keepSecretOrRefuse, writeSettingOrRefuse } from './account-store-writes.ts';

/** The settings-file key of the saved account. */
export const ZOOM_ACCOUNT_SETTING = 'settings.zoomAccount';
/** The keychain key of its client secret: one account is saved at a time, so one key. */
export const CLIENT_SECRET_KEY = 'settings:zoom-client-secret';

/** What the settings file holds: no secret, only whether the keychain has one. */
export interface SavedZoomAccount {
  clientId: string;
  cloud: ZoomCloud;
  /** Only for the custom cloud. */
  oauthBase?: string;
  apiBase?: string;
  hasClientSecret: boolean;
}

export interface ZoomAccountStore {
  /** The saved account, or null when there is none or the file's entry is not one. */
  read(): SavedZoomAccount | null;
  /** The saved client secret, or null (none saved, or the keychain cannot be read). */
  readSecret(): Promise<string | null>;
  /**
   * Saves the account. The keychain goes first: if it refuses the secret, nothing is saved.
   * `secret` null removes a saved secret.
   */
  write(account: Omit<SavedZoomAccount, 'hasClientSecret'>, secret: string | null): Promise<void>;
  /** Forgets the account and its secret. */
  clear(): Promise<void>;
}

export function createZoomAccountStore(deps: {
  settings: SettingsStore;
  secrets: SecretStore;
  logger: Logger;
}): ZoomAccountStore {
  const { settings, secrets, logger } = deps;

  const keychain = (operation: () => Promise<void>) =>
    keepSecretOrRefuse(operation, {
      locked:
        'Your keychain is locked, so the client secret could not be kept and nothing was saved. Unlock your login keychain (or keyring) and save again.',
      missing:
        'No system keychain is available, so the client secret could not be kept and nothing was saved. Install or unlock a keychain, or use a public client ID (no secret).',
    });

  const read = (): SavedZoomAccount | null => {
    const saved = settings.get<unknown>(ZOOM_ACCOUNT_SETTING);
    if (saved === undefined) return null;
    const account = asSavedAccount(saved);
    if (account && isValidAccount(account)) return account;
    // Not ours to fix by refusing to start: the Settings screen can replace it.
    logger.warn('ignoring a saved Zoom account that is not a valid one');
    return null;
  };
  /** Best effort: a secret the keychain will not delete stays there unused (hasClientSecret is false). */
  const forgetSecret = () =>
    secrets.delete(CLIENT_SECRET_KEY).catch((error: unknown) => {
      logger.warn('the saved client secret could not be deleted', {
        code: classifyKeychainError(error).code,
      });
    });

  return {
    read,
    async readSecret() {
      if (!read()?.hasClientSecret) return null;
      try {
        return await secrets.get(CLIENT_SECRET_KEY);
      } catch (error) {
        logger.warn('the saved client secret could not be read', {
          code: classifyKeychainError(error).code,
        });
        return null;
      }
    },
    async write(account, secret) {
      // A public client needs no keychain to be saved; a secret does, or nothing is saved.
      if (secret === null) await forgetSecret();
      else await keychain(() => secrets.set(CLIENT_SECRET_KEY, secret));
      const saved: SavedZoomAccount = {
        clientId: account.clientId,
        cloud: account.cloud,
        ...(account.cloud === 'custom' && {
          oauthBase: account.oauthBase,
          apiBase: account.apiBase,
        }),
        hasClientSecret: secret !== null,
      };
      writeSettingOrRefuse(() => settings.set(ZOOM_ACCOUNT_SETTING, saved));
    },
    async clear() {
      writeSettingOrRefuse(() => settings.delete(ZOOM_ACCOUNT_SETTING));
      await forgetSecret();
    },
  };
}

/** The fields an account stands for: the cloud's bases, and the secret when there is one. */
export function savedAccountFields(
  account: Omit<SavedZoomAccount, 'hasClientSecret'>,
  secret: string | null,
): ZoomAccountFields {
  const bases =
    account.cloud === 'custom'
      ? { oauthBase: account.oauthBase ?? '', apiBase: account.apiBase ?? '' }
      : ZOOM_CLOUDS[account.cloud];
  return {
    clientId: account.clientId,
    oauthBase: bases.oauthBase,
    apiBase: bases.apiBase,
    ...(secret !== null && { clientSecret: secret }),
  };
}

/** The file may have been edited by hand: the account must pass the rules every source passes. */
function isValidAccount(account: SavedZoomAccount): boolean {
  try {
    zoomProviderConfig(savedAccountFields(account, null), SETTINGS_NAMES, { kind: 'loopback' });
    return true;
  } catch {
    return false;
  }
}

/** The settings file is outside our control (hand edits, older versions): check its shape. */
function asSavedAccount(value: unknown): SavedZoomAccount | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.clientId !== 'string' || typeof v.hasClientSecret !== 'boolean') return null;
  if (v.cloud === 'zoom' || v.cloud === 'zoomgov')
    return { clientId: v.clientId, cloud: v.cloud, hasClientSecret: v.hasClientSecret };
  if (v.cloud === 'custom' && typeof v.oauthBase === 'string' && typeof v.apiBase === 'string')
    return {
      clientId: v.clientId,
      cloud: 'custom',
      oauthBase: v.oauthBase,
      apiBase: v.apiBase,
      hasClientSecret: v.hasClientSecret,
    };
  return null;
}
