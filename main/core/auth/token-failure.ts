import type { ErrorCode } from '../../../preload/contract.ts';
import { AppError } from '../errors.ts';

/** What went wrong at the token (or revocation) endpoint, before any interpretation. */
export type TokenFailureInput =
  | { kind: 'network' }
  | { kind: 'http'; status: number; retryAfter?: string | null; error?: string; reason?: string };

export type TokenGrant = 'authorization_code' | 'refresh_token';

export interface TokenFailure {
  code: ErrorCode;
  /** Transient failures keep the session and are retried later; terminal ones end it. */
  transient: boolean;
  retryAfterMs: number | null;
  message: string;
}

/** A token request failure that carries its classification. */
export class TokenRequestError extends AppError {
  readonly transient: boolean;
  readonly retryAfterMs: number | null;
  constructor(failure: TokenFailure, options?: { cause?: unknown }) {
    super(failure.code, failure.message, options);
    this.name = 'TokenRequestError';
    this.transient = failure.transient;
    this.retryAfterMs = failure.retryAfterMs;
  }
}

export const SESSION_EXPIRED_MESSAGE = 'Your Zoom session ended — sign in again';
const INVALID_CLIENT_MESSAGE =
  "Zoom rejected this app's client ID or secret. Check ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET, then sign in again.";

/** Retry-After is either delta-seconds or a date (HTTP-date, or ISO 8601 as Zoom sends for daily limits). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function minutes(ms: number): string {
  const count = Math.max(1, Math.ceil(ms / 60_000));
  return count === 1 ? '1 minute' : `${count} minutes`;
}

function transient(
  code: ErrorCode,
  message: string,
  retryAfterMs: number | null = null,
): TokenFailure {
  return { code, transient: true, retryAfterMs, message };
}

function terminal(code: ErrorCode, message: string): TokenFailure {
  return { code, transient: false, retryAfterMs: null, message };
}

/**
 * Decides whether a failed token request ends the session. Only a definitive answer from
 * the server (an OAuth error in a 4xx JSON body) does; network trouble, 5xx and 429 never
 * sign anyone out, because laptops wake up offline all the time.
 */
export function classifyTokenFailure(
  input: TokenFailureInput,
  grant: TokenGrant,
  now: number,
): TokenFailure {
  if (input.kind === 'network') {
    return transient(
      'offline',
      'Zoom could not be reached. Check your internet connection; Meeting Tray will try again.',
    );
  }
  const { status } = input;
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(input.retryAfter, now);
    const when = retryAfterMs === null ? 'shortly' : `in ${minutes(retryAfterMs)}`;
    return transient(
      'rate_limited',
      `Zoom is limiting requests right now. Meeting Tray will try again ${when}.`,
      retryAfterMs,
    );
  }
  if (status >= 500 || !input.error) {
    return transient(
      'server_error',
      `Zoom's sign-in service had a problem (HTTP ${status}). Meeting Tray will try again shortly.`,
      parseRetryAfter(input.retryAfter, now),
    );
  }
  if (input.error === 'invalid_client') return terminal('invalid_client', INVALID_CLIENT_MESSAGE);
  if (grant === 'refresh_token') {
    // Zoom: 400 {"reason":"Invalid Token!","error":"invalid_grant"} (older: error invalid_request).
    // Any other definitive OAuth error on refresh also means this refresh token is no good.
    return terminal('session_expired', SESSION_EXPIRED_MESSAGE);
  }
  const detail = input.reason ?? input.error;
  return terminal(
    'token_exchange_failed',
    `Zoom did not accept the sign-in (${detail}). Please sign in again.`,
  );
}
