import type { SecretStore } from '../../../../main/core/ports.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';

/**
 * A memory keychain whose writes can be held open, to stand in the window between "the server
 * rotated" and "the keychain committed". `writesStarted` counts writes that reached it.
 */
export function createGatedSecretStore() {
  const inner = createMemorySecretStore();
  let gate: Promise<void> | null = null;
  let open: (() => void) | null = null;
  let writesStarted = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const store: SecretStore = {
    get: (key) => inner.get(key),
    delete: (key) => inner.delete(key),
    async set(key, value) {
      writesStarted += 1;
      for (const waiter of waiters.filter((w) => writesStarted >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      if (gate) await gate;
      await inner.set(key, value);
    },
  };
  return {
    store,
    entries: () => inner.entries(),
    /** Holds every write from now on until release(). */
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      gate = null;
      open?.();
    },
    /** Resolves once `count` writes have reached the keychain (held or not). */
    writeStarted(count: number) {
      if (writesStarted >= count) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ count, resolve }));
    },
    writesStarted: () => writesStarted,
  };
}
