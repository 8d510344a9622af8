// What the Fathom connection's parts share: the live connection's facts, and the pure helpers
// that read errors, compare lists and providers (fathom-connection.ts is the state machine).
import type {
  FathomMode,
  FathomNote,
  NoteSummaryState,
  Notice,
} from '../../../preload/contract.ts';
import type { AuthService } from '../auth/auth-service.types.ts';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { isAppError, toFailure } from '../errors.ts';
import type { FathomApi } from './fathom-api.types.ts';
import type { NotesHealth } from './fathom-connection-state.ts';
import type { CachedSummary } from './notes-cache.ts';

/** Why a listing runs (logged; only 'manual' changes how it runs). */
export type ListingReason = 'start' | 'manual' | 'tick' | 'wake' | 'window' | 'connect';

export interface Live {
  mode: FathomMode;
  api: FathomApi;
  /** null until the first listing or a cache. */
  notes: readonly FathomNote[] | null;
  updatedAt: number | null;
  incomplete: boolean;
  health: NotesHealth;
  inFlight: Promise<void> | null;
  lastAttemptAt: number;
  failures: number;
  /** epoch ms before which Fathom asked not to be called (429); 0 for none. */
  holdUntil: number;
  /** Replaced (never mutated) on each change, so the state compares by reference. */
  summaries: Readonly<Record<number, NoteSummaryState>>;
  summaryFlights: Map<number, Promise<void>>;
  cachedSummaries: Readonly<Record<number, CachedSummary>>;
}

/** Codes that end the connection: Fathom refused the grant or the key for good. */
export const ENDING_CODES = new Set([
  'fathom_session_expired',
  'fathom_key_invalid',
  'invalid_client',
]);

/** Zoom's words for an expired grant become Fathom's. */
export function fathomReason(notice: Notice): Notice {
  if (notice.code !== 'session_expired') return notice;
  return {
    code: 'fathom_session_expired',
    message: 'Your Fathom connection has expired or was removed in Fathom. Connect Fathom again.',
  };
}

export function toNotice(error: unknown): Notice {
  const { code, message } = toFailure(error);
  return { code, message };
}

export function waitUntilOf(error: unknown, now: number): number | null {
  if (!isAppError(error) || typeof error.retryAt !== 'number') return null;
  return error.retryAt > now ? error.retryAt : null;
}

/** The old list when nothing in it changed, so the state compares equal and nothing is rewritten. */
export function keepSame(
  previous: readonly FathomNote[] | null,
  next: readonly FathomNote[],
): readonly FathomNote[] {
  return previous !== null && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

/** Summaries of notes no longer listed (older than a week) are dropped from the cache. */
export function onlyFor(
  summaries: Readonly<Record<number, CachedSummary>>,
  notes: readonly FathomNote[],
): Readonly<Record<number, CachedSummary>> {
  const ids = new Set(notes.map((note) => note.recordingId));
  const kept = Object.entries(summaries).filter(([id]) => ids.has(Number(id)));
  return kept.length === Object.keys(summaries).length ? summaries : Object.fromEntries(kept);
}

export function sameOAuthProvider(
  a: AuthProviderConfig | null,
  b: AuthProviderConfig | null,
): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.server.issuer === b.server.issuer &&
    a.server.token_endpoint === b.server.token_endpoint &&
    a.apiBaseUrl === b.apiBaseUrl &&
    a.client.clientId === b.client.clientId &&
    a.client.clientSecret === b.client.clientSecret &&
    JSON.stringify(a.redirect) === JSON.stringify(b.redirect) &&
    a.keychainAccount === b.keychainAccount
  );
}

/** Resolves the first time the auth core reports signed-in. */
export function whenSignedIn(auth: Pick<AuthService, 'onStatusChange'>) {
  let stop: () => void = () => undefined;
  const promise = new Promise<'signed-in'>((resolve) => {
    stop = auth.onStatusChange((status) => {
      if (status.kind === 'signed-in') resolve('signed-in');
    });
  });
  return { promise, stop };
}
