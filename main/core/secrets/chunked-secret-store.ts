import type { SecretStore } from '../ports.ts';

/**
 * Windows Credential Manager stores at most 2,560 bytes per credential, and keyring-rs
 * writes UTF-16, so 1,000 characters (2,000 bytes) per entry stays well below the limit.
 */
export const DEFAULT_MAX_ENTRY_CHARS = 1000;

const INLINE = 'mt-inline:1:';
const CHUNKED = 'mt-chunks:1:';

interface ChunkRef {
  generation: string;
  count: number;
}

const chunkKey = (key: string, generation: string, index: number) =>
  `${key}.chunk.${generation}.${index}`;
/** Markers naming chunk generations that may need deleting after a crash. */
const pendingKey = (key: string) => `${key}.pending`;
const retiredKey = (key: string) => `${key}.retired`;
const markerKeys = (key: string) => [pendingKey(key), retiredKey(key)];

function parseRef(text: string | null | undefined): ChunkRef | null {
  if (!text?.startsWith(CHUNKED)) return null;
  const [generation, count] = text.slice(CHUNKED.length).split(':');
  const n = Number(count);
  if (!generation || !/^[0-9a-f]+$/.test(generation) || !Number.isInteger(n) || n < 1 || n > 1000)
    return null;
  return { generation, count: n };
}

const manifestOf = (ref: ChunkRef) => `${CHUNKED}${ref.generation}:${ref.count}`;

function splitIntoChunks(value: string, size: number): string[] {
  const chunks: string[] = [];
  let current = '';
  // Iterate by code point so a surrogate pair is never cut in half.
  for (const char of value) {
    if (current.length + char.length > size) {
      chunks.push(current);
      current = '';
    }
    current += char;
  }
  if (current) chunks.push(current);
  return chunks;
}

/**
 * Splits values too large for one keychain entry. The key itself holds a small manifest:
 * either the value inline, or a pointer to chunks written under a fresh generation id.
 * A write goes: mark the old generation retired and the new one pending → write the new
 * chunks → flip the manifest → delete the retired chunks and the markers. A crash at any
 * point leaves the manifest pointing at one complete value, old or new, never a mix, and
 * the next write or delete removes whatever the crash left behind.
 */
export function createChunkedSecretStore(
  inner: SecretStore,
  options: { maxEntryChars?: number } = {},
): SecretStore {
  const max = options.maxEntryChars ?? DEFAULT_MAX_ENTRY_CHARS;

  const deleteChunks = async (key: string, ref: ChunkRef) => {
    for (let i = 0; i < ref.count; i += 1) await inner.delete(chunkKey(key, ref.generation, i));
  };

  /** Deletes chunk generations named by markers, except the one the manifest uses. */
  const cleanUp = async (key: string, keep: ChunkRef | null) => {
    for (const marker of markerKeys(key)) {
      const text = await inner.get(marker);
      if (text === null) continue;
      const ref = parseRef(text);
      if (ref && ref.generation !== keep?.generation) await deleteChunks(key, ref);
      await inner.delete(marker);
    }
  };

  return {
    async get(key) {
      const manifest = await inner.get(key);
      if (manifest === null) return null;
      if (manifest.startsWith(INLINE)) return manifest.slice(INLINE.length);
      const ref = parseRef(manifest);
      // A value written before chunking existed is returned as it is.
      if (!ref) return manifest;
      let value = '';
      for (let i = 0; i < ref.count; i += 1) {
        const chunk = await inner.get(chunkKey(key, ref.generation, i));
        if (chunk === null) return null;
        value += chunk;
      }
      return value;
    },

    async set(key, value) {
      const current = parseRef(await inner.get(key));
      await cleanUp(key, current);
      if (current) await inner.set(retiredKey(key), manifestOf(current));
      let next: ChunkRef | null = null;
      if (INLINE.length + value.length <= max) {
        await inner.set(key, INLINE + value);
      } else {
        const chunks = splitIntoChunks(value, max);
        next = {
          generation: Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex'),
          count: chunks.length,
        };
        await inner.set(pendingKey(key), manifestOf(next));
        for (const [i, chunk] of chunks.entries())
          await inner.set(chunkKey(key, next.generation, i), chunk);
        await inner.set(key, manifestOf(next));
      }
      await cleanUp(key, next);
    },

    async delete(key) {
      const current = parseRef(await inner.get(key));
      await cleanUp(key, current);
      if (current) await inner.set(retiredKey(key), manifestOf(current));
      await inner.delete(key);
      await cleanUp(key, null);
    },
  };
}
