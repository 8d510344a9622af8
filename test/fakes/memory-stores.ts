import type { SecretStore, SettingsStore } from '../../main/core/ports.ts';

/** In-memory SecretStore for unit tests; `failWith` simulates an unavailable keychain. */
export function createMemorySecretStore(options: { failWith?: () => Error } = {}) {
  const values = new Map<string, string>();
  const guard = () => {
    if (options.failWith) throw options.failWith();
  };
  const store: SecretStore & { entries(): Map<string, string> } = {
    async get(key) {
      guard();
      return values.get(key) ?? null;
    },
    async set(key, value) {
      guard();
      values.set(key, value);
    },
    async delete(key) {
      guard();
      values.delete(key);
    },
    entries: () => values,
  };
  return store;
}

export function createMemorySettingsStore(initial: Record<string, unknown> = {}) {
  const values = new Map<string, unknown>(Object.entries(initial));
  const store: SettingsStore & { snapshot(): Record<string, unknown> } = {
    get: <T>(key: string) => values.get(key) as T | undefined,
    set: (key, value) => {
      values.set(key, structuredClone(value));
    },
    delete: (key) => {
      values.delete(key);
    },
    snapshot: () => Object.fromEntries(values),
  };
  return store;
}
