import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import {
  DEFAULT_MAX_ENTRY_CHARS,
  type SizedSecretStore,
} from '../core/secrets/chunked-secret-store.ts';

/**
 * The OS keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager,
 * Linux Secret Service. On Linux the entry is pinned to the Secret Service: the kernel
 * keyutils fallback forgets everything at logout, which would look like a random sign-out.
 * Wrap it in createChunkedSecretStore: it splits values only where this store says the
 * platform needs it (Windows' 2,560-byte credentials), so elsewhere a write is one call.
 */
export function createKeyringSecretStore(options: {
  service: string;
  /** process.platform unless a test or a benchmark says otherwise. */
  platform?: NodeJS.Platform;
}): SizedSecretStore {
  const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };
  const entry = (key: string) => new AsyncEntry(options.service, key, entryOptions);
  const platform = options.platform ?? process.platform;
  return {
    entryLimitChars: platform === 'win32' ? DEFAULT_MAX_ENTRY_CHARS : null,
    get: (key) => entry(key).getPassword(),
    set: (key, value) => entry(key).setPassword(value),
    async delete(key) {
      await entry(key).deletePassword();
    },
  };
}
