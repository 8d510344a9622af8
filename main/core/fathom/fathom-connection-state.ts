// Pure mapping from what the Fathom connection knows to the FathomState the renderer draws, and
// the cheap comparison that keeps an unchanged state from being pushed twice (like
// session/session-state.ts for Zoom).
import type {
  FathomMode,
  FathomNote,
  FathomState,
  NoteSummaryState,
  Notice,
} from '../../../preload/contract.ts';

export interface NotesHealth {
  stale: boolean;
  offline: boolean;
  problem: Notice | null;
  /** epoch ms Fathom asked us to wait until (429), or null. */
  waitUntil: number | null;
}

export const HEALTHY: NotesHealth = {
  stale: false,
  offline: false,
  problem: null,
  waitUntil: null,
};

export interface ConnectionFacts {
  /** Reading the stored connection failed at start: shown until the person acts. */
  startupError: Notice | null;
  live: {
    mode: FathomMode;
    notes: readonly FathomNote[];
    updatedAt: number | null;
    incomplete: boolean;
    health: NotesHealth;
    refreshing: boolean;
    summaries: Readonly<Record<number, NoteSummaryState>>;
  } | null;
  connecting: { mode: FathomMode; authorizationUrl: string | null } | null;
  reason: Notice | null;
  removeAppHint: boolean;
}

export function toFathomState(facts: ConnectionFacts): FathomState {
  const { live } = facts;
  // Connecting comes first: a person replacing a key with OAuth sees the consent step.
  if (facts.connecting) return { kind: 'connecting', ...facts.connecting };
  if (live)
    return {
      kind: 'connected',
      mode: live.mode,
      notes: live.notes,
      updatedAt: live.updatedAt,
      ...live.health,
      refreshing: live.refreshing,
      incomplete: live.incomplete,
      summaries: live.summaries,
    };
  if (facts.startupError) return { kind: 'error', ...facts.startupError };
  return { kind: 'not-connected', reason: facts.reason, removeAppHint: facts.removeAppHint };
}

/** True when both would draw the same; notes and summaries are compared by reference. */
export function sameFathomState(a: FathomState | null, b: FathomState): boolean {
  if (a === null || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'not-connected': {
      const other = b as typeof a;
      return sameNotice(a.reason, other.reason) && a.removeAppHint === other.removeAppHint;
    }
    case 'connecting': {
      const other = b as typeof a;
      return a.mode === other.mode && a.authorizationUrl === other.authorizationUrl;
    }
    case 'error': {
      const other = b as typeof a;
      return a.code === other.code && a.message === other.message;
    }
    case 'connected': {
      const other = b as typeof a;
      return (
        a.mode === other.mode &&
        a.notes === other.notes &&
        a.updatedAt === other.updatedAt &&
        a.stale === other.stale &&
        a.offline === other.offline &&
        a.refreshing === other.refreshing &&
        sameNotice(a.problem, other.problem) &&
        a.waitUntil === other.waitUntil &&
        a.incomplete === other.incomplete &&
        a.summaries === other.summaries
      );
    }
  }
}

function sameNotice(a: Notice | null, b: Notice | null): boolean {
  return a === b || (a !== null && b !== null && a.code === b.code && a.message === b.message);
}
