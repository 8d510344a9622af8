import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import type { SecretStore } from '../core/ports.ts';

/**
 * The OS keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager,
 * Linux Secret Service. On Linux the entry is pinned to the Secret Service: the kernel
 * keyutils fallback forgets everything at logout, which would look like a random sign-out.
 * Wrap it in createChunkedSecretStore for Windows' per-entry size limit.
 */
export function createKeyringSecretStore(options: { service: string }): SecretStore {
  const entryOptions: EntryOptions = { linux: { store: 'secret-service' } };
  const entry = (key: string) => new AsyncEntry(options.service, key, entryOptions);
  return {
    get: (key) => entry(key).getPassword(),
    set: (key, value) => entry(key).setPassword(value),
    async delete(key) {
      await entry(key).deletePassword();
    },
  };
}
