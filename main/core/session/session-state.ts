// Pure mapping from what the session knows to the SessionState union the renderer draws, and
// the cheap comparison that keeps an unchanged state from being published twice.
import type { Notice, SessionState } from '../../../preload/contract.ts';
import type { AuthStatus } from '../auth/auth-service.types.ts';
import type { SessionData } from './session-cache.ts';

export interface DataHealth {
  stale: boolean;
  offline: boolean;
  problem: Notice | null;
  /** epoch ms Zoom asked us to wait until (Retry-After), or null. */
  waitUntil: number | null;
}

export const HEALTHY: DataHealth = { stale: false, offline: false, problem: null, waitUntil: null };

export interface SessionFacts {
  auth: AuthStatus;
  demo: boolean;
  sessionOnly: Notice | null;
  /** Settings (and the cache) cannot be saved: they live in memory for this run. */
  settingsUnsaved: Notice | null;
  /** auth.restore() failed: nothing else can be shown until the person acts. */
  startupError: Notice | null;
  /** Why we ended the session ourselves (e.g. the API said the session expired). */
  signedOutReason: Notice | null;
  data: SessionData | null;
  health: DataHealth;
  /** Signed in, but the first load failed and there is no cached data to fall back on. */
  loadError: Notice | null;
  refreshing: boolean;
}

export function toSessionState(facts: SessionFacts): SessionState {
  const base = {
    demo: facts.demo,
    sessionOnly: facts.sessionOnly,
    settingsUnsaved: facts.settingsUnsaved,
  };
  const { auth } = facts;

  switch (auth.kind) {
    case 'signed-out':
      if (facts.startupError) return { ...base, kind: 'error', ...facts.startupError };
      return { ...base, kind: 'signed-out', reason: auth.reason ?? facts.signedOutReason };
    case 'signing-in':
      return { ...base, kind: 'signing-in', authorizationUrl: auth.authorizationUrl };
    case 'signed-in':
      if (facts.data) {
        return {
          ...base,
          kind: 'signed-in',
          profile: facts.data.profile,
          meetings: facts.data.meetings,
          updatedAt: facts.data.updatedAt,
          ...facts.health,
          refreshing: facts.refreshing,
          incomplete: facts.data.incomplete === true,
        };
      }
      if (facts.loadError) return { ...base, kind: 'error', ...facts.loadError };
      // Tokens are in hand but the profile is still loading: sign-in is not finished yet.
      return { ...base, kind: 'signing-in', authorizationUrl: null };
  }
}

/**
 * True when two states would draw the same screen. Profile and meeting lists are compared by
 * reference: the session keeps the old objects when a fetch brings identical content, so this
 * stays O(1) where serialising 1,000 meetings on every publish cost milliseconds.
 */
export function sameSessionState(a: SessionState | null, b: SessionState): boolean {
  if (a === null || a.kind !== b.kind) return false;
  if (
    a.demo !== b.demo ||
    !sameNotice(a.sessionOnly, b.sessionOnly) ||
    !sameNotice(a.settingsUnsaved ?? null, b.settingsUnsaved ?? null)
  )
    return false;
  switch (a.kind) {
    case 'signed-out':
      return sameNotice(a.reason, (b as typeof a).reason);
    case 'signing-in':
      return a.authorizationUrl === (b as typeof a).authorizationUrl;
    case 'error': {
      const other = b as typeof a;
      return a.code === other.code && a.message === other.message;
    }
    case 'signed-in': {
      const other = b as typeof a;
      return (
        a.profile === other.profile &&
        a.meetings === other.meetings &&
        a.updatedAt === other.updatedAt &&
        a.stale === other.stale &&
        a.offline === other.offline &&
        a.refreshing === other.refreshing &&
        sameNotice(a.problem, other.problem) &&
        (a.waitUntil ?? null) === (other.waitUntil ?? null) &&
        (a.incomplete ?? false) === (other.incomplete ?? false)
      );
    }
  }
}

function sameNotice(a: Notice | null, b: Notice | null): boolean {
  return a === b || (a !== null && b !== null && a.code === b.code && a.message === b.message);
}
