// Fathom's failures as AppErrors a person can act on. Messages never carry a body or a secret.
import { AppError } from '../errors.ts';
import type { WireError } from '../net/wire-error.ts';
import type { FathomCredential } from './fathom-api.types.ts';

/** Fathom says nothing useful about when to come back: a minute is its whole rate window. */
const DEFAULT_WAIT_MS = 60_000;
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

function seconds(ms: number): string {
  const count = Math.max(1, Math.round(ms / 1000));
  return count === 1 ? '1 second' : `${count} seconds`;
}

/**
 * When a 429 lets us ask again (epoch ms): Retry-After (delta seconds or a date) first, else
 * RateLimit-Reset (seconds left in the window; epoch seconds also accepted), else a minute.
 */
export function rateLimitRetryAt(headers: Headers | undefined, now: number): number {
  const retryAfter = headers?.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return now + Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(now, at);
  }
  const reset = headers?.get('ratelimit-reset')?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) {
    const value = Number(reset);
    return value > EPOCH_SECONDS_THRESHOLD ? Math.max(now, value * 1000) : now + value * 1000;
  }
  return now + DEFAULT_WAIT_MS;
}

export function rateLimitedError(retryAt: number, now: number): AppError {
  return new AppError(
    'rate_limited',
    `Fathom asked Meeting Tray to slow down. It will try again in ${seconds(retryAt - now)}.`,
    { retryAt },
  );
}

/** The API refused the credential even after one forced refresh (OAuth) — or at once (a key). */
export function credentialRefusedError(kind: FathomCredential['kind']): AppError {
  return kind === 'bearer'
    ? new AppError(
        'fathom_session_expired',
        'Fathom no longer accepts this connection. Connect Fathom again.',
      )
    : new AppError(
        'fathom_key_invalid',
        'Fathom refused the API key. Check it in Fathom (Settings → API Access) and enter it again.',
      );
}

export function schemaMismatchError(cause?: unknown): AppError {
  return new AppError(
    'fathom_schema_mismatch',
    'Fathom answered in a shape Meeting Tray does not understand, so nothing was changed. Try again later, or update Meeting Tray.',
    { cause },
  );
}

export function notFoundError(): AppError {
  return new AppError(
    'fathom_not_found',
    'Fathom has no such recording; it may have been deleted.',
  );
}

export function serverError(status: number): AppError {
  return new AppError(
    'server_error',
    `Fathom had a problem (HTTP ${status}). Meeting Tray will try again shortly.`,
  );
}

/** A 400: Fathom refused the request itself. Nothing the person did; retrying will not help soon. */
export function requestRefusedError(): AppError {
  return new AppError(
    'server_error',
    "Fathom refused Meeting Tray's request (HTTP 400). Try again later, or update Meeting Tray.",
  );
}

export function wireFailureError(failure: WireError, deadlineMs: number): AppError {
  switch (failure.kind) {
    case 'timeout':
      return new AppError(
        'timeout',
        `Fathom did not answer within ${seconds(deadlineMs)}. Meeting Tray will try again.`,
        { cause: failure },
      );
    case 'too_large':
      return new AppError(
        'server_error',
        'Fathom sent an answer far larger than expected, so Meeting Tray did not read it. It will try again later.',
        { cause: failure },
      );
    case 'aborted':
    case 'network':
      return offlineError(failure);
  }
}

export function offlineError(cause?: unknown): AppError {
  return new AppError(
    'offline',
    "Can't reach Fathom. Check your internet connection; Meeting Tray will try again.",
    { cause },
  );
}

export function unexpectedError(cause?: unknown): AppError {
  return new AppError('unknown', 'Something went wrong talking to Fathom. Please try again.', {
    cause,
  });
}
