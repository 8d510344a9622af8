// The OS keychain as the app uses it: @napi-rs/keyring under our service name, values split only
// where the platform needs it, and earlier builds' demo leftovers swept away.
import { providerVaultKey } from '../core/auth/token-vault.ts';
import type { AuthProviderConfig } from '../core/config/auth-config.types.ts';
import type { Logger, SecretStore, SettingsStore } from '../core/ports.ts';
import { createChunkedSecretStore } from '../core/secrets/chunked-secret-store.ts';
import { isLegacyDemoAccount, sweepLegacyKeychainItems } from '../core/secrets/legacy-keys.ts';
import { DEMO_CLIENTS } from '../sandbox/index.ts';
import { createKeyringSecretStore, type KeyringModule } from './keyring-secret-store.ts';

export interface OsKeychain {
  secrets: SecretStore;
  /**
   * Removes the items earlier builds left for the demo (once: a setting records it), sparing
   * the account `inUse` keeps its tokens under. Never throws.
   */
  sweepLegacyItems(inUse: AuthProviderConfig | null): Promise<void>;
}

export function openOsKeychain(deps: {
  service: string;
  settings: SettingsStore;
  logger: Logger;
  /** Loads the native module; tests inject one that fails. */
  load?: () => Promise<KeyringModule>;
}): OsKeychain {
  const keychain = createKeyringSecretStore({
    service: deps.service,
    ...(deps.load ? { load: deps.load } : {}),
  });
  return {
    secrets: createChunkedSecretStore(keychain),
    sweepLegacyItems: (inUse) =>
      sweepLegacyKeychainItems({
        keychain,
        isLegacy: (account) => isLegacyDemoAccount(account, DEMO_CLIENTS.public.clientId),
        inUse: inUse ? providerVaultKey(inUse) : null,
        settings: deps.settings,
        logger: deps.logger,
      }),
  };
}
