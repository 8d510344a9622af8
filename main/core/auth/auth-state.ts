import type { Notice } from '../../../preload/contract.ts';
import type { AuthStatus } from './auth-service.types.ts';
import type { SignInAttempt } from './sign-in-flow.ts';
import type { TokenRequestError } from './token-failure.ts';
import type { TokenSet } from './token-set.ts';

/** When the next refresh may happen, and what the last ones said. */
export interface RefreshBookkeeping {
  /** epoch ms of the proactive refresh. */
  dueAt: number;
  /** Consecutive transient failures; 0 after a success. */
  failures: number;
  /** Our own backoff: no automatic attempt before this (a person's Refresh may go sooner). */
  retryAt: number;
  /** The server's Retry-After: no attempt at all before this. */
  holdUntil: number;
  lastFailure: TokenRequestError | null;
}

/** A signed-in session: its tokens, where they are kept, and its refresh bookkeeping. */
export interface SignedIn {
  kind: 'signed-in';
  /** Which sign-in this is; survives token rotations, changes with every sign-in. */
  id: number;
  tokens: TokenSet;
  storage: 'keychain' | 'session-only';
  refresh: RefreshBookkeeping;
}

/**
 * Everything the auth service knows, as one value. A sign-in started while signed in keeps
 * the old session as `previous` (still usable) until the new one replaces it or it fails.
 */
export type AuthState =
  | { kind: 'signed-out'; reason: Notice | null }
  | {
      kind: 'signing-in';
      attempt: SignInAttempt;
      authorizationUrl: string | null;
      previous: SignedIn | null;
    }
  | SignedIn;

export const SIGNED_OUT: AuthState = { kind: 'signed-out', reason: null };

export function freshBookkeeping(dueAt: number): RefreshBookkeeping {
  return { dueAt, failures: 0, retryAt: 0, holdUntil: 0, lastFailure: null };
}

/** The session whose tokens callers get, if any. */
export function currentSession(state: AuthState): SignedIn | null {
  if (state.kind === 'signed-in') return state;
  if (state.kind === 'signing-in') return state.previous;
  return null;
}

/** The state with `session` in place of the session of the same id; unchanged otherwise. */
export function withSession(state: AuthState, session: SignedIn): AuthState {
  if (currentSession(state)?.id !== session.id) return state;
  return state.kind === 'signing-in' ? { ...state, previous: session } : session;
}

/** What the rest of the app sees; tokens and bookkeeping stay inside. */
export function publicStatus(state: AuthState): AuthStatus {
  switch (state.kind) {
    case 'signed-out':
      return { kind: 'signed-out', reason: state.reason };
    case 'signing-in':
      return { kind: 'signing-in', authorizationUrl: state.authorizationUrl };
    case 'signed-in':
      return { kind: 'signed-in' };
  }
}

/** Whether listeners must hear about the move from `before` to `after`. */
export function statusChanged(before: AuthState, after: AuthState): boolean {
  if (before.kind !== after.kind) return true;
  if (before.kind === 'signed-out' && after.kind === 'signed-out')
    return before.reason !== after.reason;
  if (before.kind === 'signing-in' && after.kind === 'signing-in')
    return before.authorizationUrl !== after.authorizationUrl;
  // Session-only is part of what the person sees (the notice), so a move to it is news.
  return currentSession(before)?.storage !== currentSession(after)?.storage;
}
