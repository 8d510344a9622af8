import type { SecretStore } from '../ports.ts';

/**
 * Windows Credential Manager stores at most 2,560 bytes per credential, and keyring-rs
 * writes UTF-16, so 1,000 characters (2,000 bytes) per entry stays well below the limit.
 */
export const DEFAULT_MAX_ENTRY_CHARS = 1000;

/**
 * A keychain that says how long one entry may be: a number where the platform needs values
 * split (Windows), null where it does not (macOS Keychain, the Secret Service).
 */
export interface SizedSecretStore extends SecretStore {
  readonly entryLimitChars: number | null;
}

const INLINE = 'mt-inline:1:';
const CHUNKED = 'mt-chunks:1:';

interface ChunkRef {
  generation: string;
  count: number;
}

const chunkKey = (key: string, generation: string, index: number) =>
  `${key}.chunk.${generation}.${index}`;
/** Names the chunk generations a write in progress may leave behind: "new|old" manifests. */
const pendingKey = (key: string) => `${key}.pending`;
/** Written by earlier versions before each rewrite; still read when tidying. */
const retiredKey = (key: string) => `${key}.retired`;

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

function entryLimitOf(inner: SecretStore | SizedSecretStore): number | null {
  return 'entryLimitChars' in inner ? inner.entryLimitChars : DEFAULT_MAX_ENTRY_CHARS;
}

/**
 * Splits values too large for one keychain entry, and only where the keychain needs it. The
 * key holds either the value inline or a manifest pointing at chunks under a fresh generation
 * id. Without an entry limit a write is one call, which is also the commit: a rotated refresh
 * token is safe as soon as that call returns. With one, a write goes: name the new and the old
 * generation in the pending marker → write the new chunks → flip the manifest (the commit) →
 * delete the old chunks and the marker. A crash at any point leaves the manifest pointing at one
 * complete value, old or new, never a mix; the leftovers are tidied on the next first use of
 * the key (each process tidies once, and again after any failure, off the rotation's path).
 */
export function createChunkedSecretStore(
  inner: SecretStore | SizedSecretStore,
  options: { maxEntryChars?: number } = {},
): SecretStore {
  const max = options.maxEntryChars ?? entryLimitOf(inner) ?? Infinity;
  /** Keys whose leftovers this instance has already tidied; a failure puts a key back. */
  const tidied = new Set<string>();
  /** The chunks each key's manifest names, as this instance last read or wrote it. */
  const known = new Map<string, ChunkRef | null>();

  const deleteChunks = async (key: string, ref: ChunkRef) => {
    for (let i = 0; i < ref.count; i += 1) await inner.delete(chunkKey(key, ref.generation, i));
  };

  /** Deletes chunk generations named by markers, except the one the manifest uses. */
  const tidy = async (key: string, manifest: string | null) => {
    const keep = parseRef(manifest);
    for (const marker of [pendingKey(key), retiredKey(key)]) {
      const text = await inner.get(marker);
      if (text === null) continue;
      for (const ref of text.split('|').map(parseRef)) {
        if (ref && ref.generation !== keep?.generation) await deleteChunks(key, ref);
      }
      await inner.delete(marker);
    }
    tidied.add(key);
  };

  /** Runs `operation`; if it fails part-way, the next use of the key tidies again. */
  const guarded = async <T>(key: string, operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      tidied.delete(key);
      known.delete(key);
      throw error;
    }
  };

  /** The manifest as stored, tidying first when this is the key's first use here. */
  const readManifest = async (key: string) => {
    const manifest = await inner.get(key);
    if (!tidied.has(key)) await tidy(key, manifest);
    known.set(key, parseRef(manifest));
    return manifest;
  };

  return {
    get: (key) =>
      guarded(key, async () => {
        const manifest = await readManifest(key);
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
      }),

    set: (key, value) =>
      guarded(key, async () => {
        // Without an entry limit the only chunks ever replaced are an older version's, and the
        // first read told us about those: in the steady state the write is the only call. With
        // a limit the manifest is read each time, as another instance may have moved it.
        const fitsInline = INLINE.length + value.length <= max;
        const old =
          max === Infinity && known.has(key)
            ? (known.get(key) ?? null)
            : parseRef(await readManifest(key));
        if (fitsInline && !old) {
          await inner.set(key, INLINE + value);
          known.set(key, null);
          return;
        }
        const next: ChunkRef | null = fitsInline
          ? null
          : {
              generation: Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex'),
              count: 0,
            };
        const chunks = next ? splitIntoChunks(value, max) : [];
        if (next) next.count = chunks.length;
        const named = [next, old].filter((ref): ref is ChunkRef => ref !== null);
        await inner.set(pendingKey(key), named.map(manifestOf).join('|'));
        for (const [i, chunk] of chunks.entries())
          await inner.set(chunkKey(key, next!.generation, i), chunk);
        await inner.set(key, next ? manifestOf(next) : INLINE + value);
        known.set(key, next);
        if (old) await deleteChunks(key, old);
        await inner.delete(pendingKey(key));
      }),

    delete: (key) =>
      guarded(key, async () => {
        const old = parseRef(await readManifest(key));
        if (old) await inner.set(pendingKey(key), manifestOf(old));
        await inner.delete(key);
        known.set(key, null);
        if (old) {
          await deleteChunks(key, old);
          await inner.delete(pendingKey(key));
        }
      }),
  };
}
