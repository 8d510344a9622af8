import type { RefreshBookkeeping, SignedIn } from './auth-state.ts';
import { minimumValidityMs, retryAfterFailureAt } from './refresh-schedule.ts';
import type { TokenRequestError } from './token-failure.ts';
import type { TokenTimes } from './refresh-schedule.ts';

/** The bookkeeping after the n-th transient failure: backoff that fits the token's state. */
export function afterTransientFailure(
  book: RefreshBookkeeping,
  failure: TokenRequestError,
  tokens: TokenTimes,
  now: number,
  random: () => number,
): RefreshBookkeeping {
  const failures = book.failures + 1;
  return {
    ...book,
    failures,
    lastFailure: failure,
    retryAt: retryAfterFailureAt({
      now,
      failures,
      expiresAt: tokens.expiresAt,
      retryAfterMs: failure.retryAfterMs,
      random,
    }),
    holdUntil: failure.retryAfterMs === null ? 0 : now + failure.retryAfterMs,
  };
}

/** A wake (resume, unlock, online) drops our own backoff; the server's Retry-After stays. */
export function afterWake(book: RefreshBookkeeping): RefreshBookkeeping {
  return { ...book, retryAt: book.holdUntil };
}

/**
 * Why no refresh may start now, if one may not: the server's hold binds everyone, our own
 * backoff only the automatic attempts.
 */
export function refreshBlockedBy(
  book: RefreshBookkeeping,
  now: number,
  userInitiated: boolean,
): 'server' | 'backoff' | null {
  if (!book.lastFailure) return null;
  if (now < book.holdUntil) return 'server';
  if (!userInitiated && now < book.retryAt) return 'backoff';
  return null;
}

/**
 * When the scheduler should next look, and the latest that still serves: a proactive refresh
 * must land while the token keeps its minimum validity; a retry of an expired token should
 * come when planned (it is jittered to spread clients out); a server's hold may end on a tick.
 */
export function nextCheck(
  session: SignedIn,
  minValidityMs: number,
): { at: number; latest: number } {
  const { tokens, refresh } = session;
  const useBy = tokens.expiresAt - minimumValidityMs(tokens, minValidityMs);
  if (!refresh.lastFailure) return { at: refresh.dueAt, latest: useBy };
  const at = Math.max(refresh.retryAt, refresh.holdUntil);
  if (refresh.holdUntil >= refresh.retryAt) return { at, latest: Infinity };
  return { at, latest: at >= tokens.expiresAt ? at : Math.max(at, useBy) };
}
