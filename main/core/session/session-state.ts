// Pure mapping from what the session knows to the SessionState union the renderer draws.
import type { Notice, SessionState } from '../../../preload/contract.ts';
import type { AuthStatus } from '../auth/auth-service.types.ts';
import type { SessionData } from './session-cache.ts';

export interface DataHealth {
  stale: boolean;
  offline: boolean;
  problem: Notice | null;
}

export const HEALTHY: DataHealth = { stale: false, offline: false, problem: null };

export interface SessionFacts {
  auth: AuthStatus;
  demo: boolean;
  sessionOnly: Notice | null;
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
  const base = { demo: facts.demo, sessionOnly: facts.sessionOnly };
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
        };
      }
      if (facts.loadError) return { ...base, kind: 'error', ...facts.loadError };
      // Tokens are in hand but the profile is still loading: sign-in is not finished yet.
      return { ...base, kind: 'signing-in', authorizationUrl: null };
  }
}
