import { createRequire } from 'node:module';
import type * as Keyring from '@napi-rs/keyring';
import {
  DEFAULT_MAX_ENTRY_CHARS,
  type SizedSecretStore,
} from '../core/secrets/chunked-secret-store.ts';

/** The part of @napi-rs/keyring this store uses. */
export type KeyringModule = Pick<typeof Keyring, 'AsyncEntry' | 'findCredentialsAsync'>;

/**
 * `require`, not `import()`: the main bundle is CommonJS, and require is how Electron (and the
 * packaged-app smoke test) finds a native module in app.asar.unpacked.
 */
async function loadKeyringModule(): Promise<KeyringModule> {
  return createRequire(import.meta.url)('@napi-rs/keyring') as KeyringModule;
}

/** A keychain that can also list the accounts stored under its service (to tidy old keys). */
export interface ListableSecretStore extends SizedSecretStore {
  accounts(): Promise<string[]>;
}

/**
 * The OS keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager,
 * Linux Secret Service. On Linux the entry is pinned to the Secret Service: the kernel
 * keyutils fallback forgets everything at logout, which would look like a random sign-out.
 * Wrap it in createChunkedSecretStore: it splits values only where this store says the
 * platform needs it (Windows' 2,560-byte credentials), so elsewhere a write is one call.
 *
 * The native module is loaded on first use, not at start: a package built without this
 * machine's binding ("Cannot find native binding") must not kill the app before it is ready.
 * Then every call rejects with the load error, which the token vault turns into session-only
 * mode with its notice, as for any other keychain failure.
 */
export function createKeyringSecretStore(options: {
  service: string;
  /** process.platform unless a test or a benchmark says otherwise. */
  platform?: NodeJS.Platform;
  /** Loads the native module; tests inject one that fails. */
  load?: () => Promise<KeyringModule>;
}): ListableSecretStore {
  const load = options.load ?? loadKeyringModule;
  let loading: Promise<KeyringModule> | undefined;
  // One attempt per store: a missing binding stays missing for the life of the process.
  const keyring = () => (loading ??= load());
  const entryOptions: Keyring.EntryOptions = { linux: { store: 'secret-service' } };
  const entry = async (key: string) =>
    new (await keyring()).AsyncEntry(options.service, key, entryOptions);
  const platform = options.platform ?? process.platform;
  return {
    entryLimitChars: platform === 'win32' ? DEFAULT_MAX_ENTRY_CHARS : null,
    get: async (key) => (await entry(key)).getPassword(),
    set: async (key, value) => (await entry(key)).setPassword(value),
    async delete(key) {
      await (await entry(key)).deletePassword();
    },
    async accounts() {
      const found = await (await keyring()).findCredentialsAsync(options.service);
      return found.map((credential) => credential.account);
    },
  };
}
