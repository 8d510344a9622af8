import type { SecretStore } from '../../main/core/ports.ts';
import { createMemorySecretStore } from './memory-stores.ts';

/**
 * A memory SecretStore that "crashes" (throws) on the n-th write or delete, to test that
 * multi-entry writes are crash-safe. Reads never fail. Optionally enforces an entry size limit.
 */
export function createFaultySecretStore(options: { maxEntryChars?: number } = {}) {
  const memory = createMemorySecretStore();
  let mutations = 0;
  let crashAt = Infinity;
  const mutate = () => {
    mutations += 1;
    if (mutations === crashAt) throw new Error(`simulated crash at mutation ${mutations}`);
  };
  const store: SecretStore & {
    crashOnMutation(n: number): void;
    mutationCount(): number;
    entries(): Map<string, string>;
  } = {
    get: (key) => memory.get(key),
    async set(key, value) {
      mutate();
      if (options.maxEntryChars !== undefined && value.length > options.maxEntryChars) {
        throw new Error(`value of ${value.length} chars is longer than platform limit`);
      }
      await memory.set(key, value);
    },
    async delete(key) {
      mutate();
      await memory.delete(key);
    },
    crashOnMutation(n) {
      mutations = 0;
      crashAt = n;
    },
    mutationCount: () => mutations,
    entries: () => memory.entries(),
  };
  return store;
}
