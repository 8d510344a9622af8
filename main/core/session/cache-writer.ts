// Writes the meeting cache only when what it holds would change, and after the new state has
// been published: a refresh that brings the same meetings costs no disk write at all.
import type { Logger } from '../ports.ts';
import type { SessionCache, SessionData } from './session-cache.ts';

export interface CacheWriter {
  /** What the cache holds now (e.g. just read at start-up), so identical data is not rewritten. */
  assumeStored(data: SessionData | null): void;
  /** Queues `data` for writing once the current work is done, unless the cache already has it. */
  save(data: SessionData): void;
  /** Empties the cache now and drops a queued write. */
  clear(): void;
  /** Writes a queued save at once (quit) and accepts no more. */
  dispose(): void;
}

/**
 * The stored "updated" time is rewritten at most this often when nothing else changed, so a
 * restart while offline says roughly how old the list is without a write on every refresh.
 */
export const CACHE_TIMESTAMP_MAX_AGE_MS = 60 * 60_000;

export function createCacheWriter(deps: { cache: SessionCache; logger: Logger }): CacheWriter {
  let stored: SessionData | null = null;
  let queued: SessionData | null = null;
  let disposed = false;

  const holdsAlready = (data: SessionData) =>
    stored !== null &&
    stored.profile === data.profile &&
    stored.meetings === data.meetings &&
    data.updatedAt - stored.updatedAt < CACHE_TIMESTAMP_MAX_AGE_MS;

  const flush = () => {
    const data = queued;
    queued = null;
    if (data === null || holdsAlready(data)) return;
    try {
      deps.cache.write(data);
      stored = data;
    } catch (error) {
      // The settings port may refuse (a full disk); the data stays on screen regardless.
      deps.logger.warn('the meeting cache could not be written', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  };

  return {
    assumeStored(data) {
      stored = data;
    },
    save(data) {
      if (disposed || holdsAlready(data)) return;
      const alreadyQueued = queued !== null;
      queued = data;
      // Coalesced: several saves in one turn make one write, after the publish that caused them.
      if (!alreadyQueued) queueMicrotask(flush);
    },
    clear() {
      queued = null;
      stored = null;
      deps.cache.clear();
    },
    dispose() {
      flush();
      disposed = true;
    },
  };
}
