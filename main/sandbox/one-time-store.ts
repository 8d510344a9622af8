import { randomText } from './token-format.ts';

/** Values behind unguessable ids that can be taken once, before a deadline (codes, consent ids). */
export interface OneTimeStore<T> {
  issue(value: T): string;
  /** Removes the entry whatever happens: a second take, or a take after the deadline, gets undefined. */
  take(id: string): T | undefined;
}

export function createOneTimeStore<T>(deps: {
  now: () => number;
  ttlMs: number;
  idLength: number;
}): OneTimeStore<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();

  const sweep = () => {
    const now = deps.now();
    for (const [id, entry] of entries) if (entry.expiresAt <= now) entries.delete(id);
  };

  return {
    issue(value) {
      sweep();
      const id = randomText(deps.idLength);
      entries.set(id, { value, expiresAt: deps.now() + deps.ttlMs });
      return id;
    },
    take(id) {
      const entry = entries.get(id);
      entries.delete(id);
      if (!entry || entry.expiresAt <= deps.now()) return undefined;
      return entry.value;
    },
  };
}
