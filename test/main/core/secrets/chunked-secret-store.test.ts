import { describe, expect, it } from 'vitest';
import {
  createChunkedSecretStore,
  DEFAULT_MAX_ENTRY_CHARS,
} from '../../../../main/core/secrets/chunked-secret-store.ts';
import { createFaultySecretStore } from '../../../fakes/faulty-secret-store.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';

const big = (seed: string, length: number) =>
  seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

describe('createChunkedSecretStore', () => {
  it('round-trips small and large values, never writing an entry over the limit', async () => {
    const inner = createFaultySecretStore({ maxEntryChars: DEFAULT_MAX_ENTRY_CHARS });
    const store = createChunkedSecretStore(inner);
    for (const value of ['short', big('abc', 5000), big('xyz', 999), big('q', 20_000), '']) {
      await store.set('k', value);
      expect(await store.get('k')).toBe(value);
    }
    for (const value of inner.entries().values())
      expect(value.length).toBeLessThanOrEqual(DEFAULT_MAX_ENTRY_CHARS);
  });

  it('keeps UTF-16 surrogate pairs whole across chunk boundaries', async () => {
    const store = createChunkedSecretStore(createMemorySecretStore(), { maxEntryChars: 7 });
    const value = '😀'.repeat(50) + 'a😀';
    await store.set('k', value);
    expect(await store.get('k')).toBe(value);
  });

  it('leaves only the current generation behind after a rewrite and nothing after delete', async () => {
    const inner = createMemorySecretStore();
    const store = createChunkedSecretStore(inner, { maxEntryChars: 100 });
    await store.set('k', big('a', 450));
    await store.set('k', big('b', 350));
    expect(inner.entries().size).toBe(1 + 4);
    await store.set('k', 'small');
    expect([...inner.entries().keys()]).toEqual(['k']);
    await store.delete('k');
    expect(inner.entries().size).toBe(0);
    expect(await store.get('k')).toBeNull();
  });

  it('reads a value stored before chunking existed', async () => {
    const inner = createMemorySecretStore();
    await inner.set('k', '{"legacy":true}');
    expect(await createChunkedSecretStore(inner).get('k')).toBe('{"legacy":true}');
  });

  it('returns null instead of a partial value when a chunk is missing', async () => {
    const inner = createMemorySecretStore();
    const store = createChunkedSecretStore(inner, { maxEntryChars: 100 });
    await store.set('k', big('a', 300));
    const chunk = [...inner.entries().keys()].find((key) => key.endsWith('.1'));
    inner.entries().delete(chunk!);
    expect(await store.get('k')).toBeNull();
  });

  describe('crash safety', () => {
    const cases = [
      ['chunked → chunked', big('OLD-', 450), big('NEW+', 520)],
      ['inline → chunked', 'old-small', big('NEW+', 520)],
      ['chunked → inline', big('OLD-', 450), 'new-small'],
    ] as const;

    for (const [name, oldValue, newValue] of cases) {
      it(`${name}: every crash point leaves the old or the new value, and the next write cleans up`, async () => {
        // Count the mutations a clean write takes, then crash at each one in turn.
        const probe = createFaultySecretStore();
        const probeStore = createChunkedSecretStore(probe, { maxEntryChars: 100 });
        await probeStore.set('k', oldValue);
        probe.crashOnMutation(Infinity);
        await probeStore.set('k', newValue);
        const total = probe.mutationCount();
        expect(total).toBeGreaterThan(1);

        for (let crashAt = 1; crashAt <= total; crashAt += 1) {
          const inner = createFaultySecretStore();
          const store = createChunkedSecretStore(inner, { maxEntryChars: 100 });
          await store.set('k', oldValue);
          inner.crashOnMutation(crashAt);
          await expect(store.set('k', newValue)).rejects.toThrow(/simulated crash/);
          inner.crashOnMutation(Infinity);
          const afterCrash = await createChunkedSecretStore(inner, { maxEntryChars: 100 }).get('k');
          expect([oldValue, newValue]).toContain(afterCrash);

          await store.set('k', 'final');
          expect(await store.get('k')).toBe('final');
          expect([...inner.entries().keys()]).toEqual(['k']);
        }
      });
    }

    it('a crash during delete never resurrects a partial value, and the next delete finishes', async () => {
      const probe = createFaultySecretStore();
      const probeStore = createChunkedSecretStore(probe, { maxEntryChars: 100 });
      await probeStore.set('k', big('x', 450));
      probe.crashOnMutation(Infinity);
      await probeStore.delete('k');
      const total = probe.mutationCount();
      for (let crashAt = 1; crashAt <= total; crashAt += 1) {
        const inner = createFaultySecretStore();
        const store = createChunkedSecretStore(inner, { maxEntryChars: 100 });
        await store.set('k', big('x', 450));
        inner.crashOnMutation(crashAt);
        await expect(store.delete('k')).rejects.toThrow(/simulated crash/);
        inner.crashOnMutation(Infinity);
        expect([big('x', 450), null]).toContain(await store.get('k'));
        await store.delete('k');
        expect(inner.entries().size).toBe(0);
      }
    });
  });

  describe('without an entry limit (macOS, Linux)', () => {
    /** A keychain with no entry limit that logs every call it gets. */
    const unlimited = () => {
      const memory = createFaultySecretStore();
      const calls: string[] = [];
      const store = {
        entryLimitChars: null,
        get: (key: string) => (calls.push(`get ${key}`), memory.get(key)),
        set: (key: string, value: string) => (calls.push(`set ${key}`), memory.set(key, value)),
        delete: (key: string) => (calls.push(`delete ${key}`), memory.delete(key)),
      };
      return { memory, calls, store };
    };

    it('keeps a large value in one entry, and a rewrite after the first read is one call', async () => {
      const keychain = unlimited();
      const store = createChunkedSecretStore(keychain.store);
      expect(await store.get('k')).toBeNull(); // the restore at start tidies once
      await store.set('k', big('a', 5_000));
      keychain.calls.length = 0;
      await store.set('k', big('b', 5_000));
      expect(keychain.calls).toEqual(['set k']);
      expect([...keychain.memory.entries().keys()]).toEqual(['k']);
      expect(await store.get('k')).toBe(big('b', 5_000));
    });

    it('rewrites a record chunked by an earlier version as one entry, leaving no chunk behind', async () => {
      const keychain = unlimited();
      await createChunkedSecretStore(keychain.memory, { maxEntryChars: 100 }).set(
        'k',
        big('o', 450),
      );
      expect(keychain.memory.entries().size).toBeGreaterThan(1);
      const store = createChunkedSecretStore(keychain.store);
      expect(await store.get('k')).toBe(big('o', 450));
      await store.set('k', big('n', 450));
      expect([...keychain.memory.entries().keys()]).toEqual(['k']);
      expect(await createChunkedSecretStore(keychain.store).get('k')).toBe(big('n', 450));
    });

    it('moving off an earlier chunked record is crash-safe at every point', async () => {
      const probe = unlimited();
      await createChunkedSecretStore(probe.memory, { maxEntryChars: 100 }).set('k', big('o', 450));
      const probeStore = createChunkedSecretStore(probe.store);
      await probeStore.get('k');
      probe.memory.crashOnMutation(Infinity);
      await probeStore.set('k', big('n', 450));
      const total = probe.memory.mutationCount();
      expect(total).toBeGreaterThan(1);

      for (let crashAt = 1; crashAt <= total; crashAt += 1) {
        const keychain = unlimited();
        await createChunkedSecretStore(keychain.memory, { maxEntryChars: 100 }).set(
          'k',
          big('o', 450),
        );
        const store = createChunkedSecretStore(keychain.store);
        await store.get('k');
        keychain.memory.crashOnMutation(crashAt);
        await expect(store.set('k', big('n', 450))).rejects.toThrow(/simulated crash/);
        keychain.memory.crashOnMutation(Infinity);
        const afterCrash = await createChunkedSecretStore(keychain.store).get('k');
        expect([big('o', 450), big('n', 450)]).toContain(afterCrash);
        await store.set('k', 'final');
        expect(await store.get('k')).toBe('final');
        expect([...keychain.memory.entries().keys()]).toEqual(['k']);
      }
    });
  });

  it('with an entry limit, a rotation makes one read and writes only the marker and its chunks before the commit', async () => {
    const memory = createMemorySecretStore();
    const calls: string[] = [];
    const store = createChunkedSecretStore({
      entryLimitChars: 1000,
      get: (key) => (calls.push(`get ${key}`), memory.get(key)),
      set: (key, value) => (calls.push(`set ${key}`), memory.set(key, value)),
      delete: (key) => (calls.push(`delete ${key}`), memory.delete(key)),
    });
    await store.set('k', big('a', 1_500));
    calls.length = 0;
    await store.set('k', big('b', 1_500));
    const commit = calls.indexOf('set k');
    expect(calls.slice(0, commit).map((call) => call.split(' ')[0])).toEqual([
      'get',
      'set',
      'set',
      'set',
    ]);
    expect(await store.get('k')).toBe(big('b', 1_500));
    expect(memory.entries().size).toBe(3); // the manifest and two chunks
  });
});
