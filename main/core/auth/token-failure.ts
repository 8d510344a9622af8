import type { ErrorCode } from '../../../preload/contract.ts';
import type { ProviderWording } from '../config/auth-config.types.ts';
import { AppError, isAppError } from '../errors.ts';

/** What went wrong at the token (or revocation) endpoint, before any interpretation. */
export type TokenFailureInput =
  /** The connection failed: refused, reset, DNS, TLS. */
  | { kind: 'network' }
  /** No complete answer within the call's total deadline. */
  | { kind: 'timeout'; deadlineMs?: number }
  /** The answer was longer than the limit and was not read. */
  | { kind: 'too_large'; maxBytes?: number }
  /** The caller's signal ended the call; an AppError reason says why in the caller's words. */
  | { kind: 'aborted'; reason?: unknown }
  /** The request could not even be built, e.g. a callback without a code: nothing was sent. */
  | { kind: 'not_sent' }
  /** An answer arrived. `error`/`reason` only from a JSON OAuth error body (RFC 6749 §5.2). */
  | { kind: 'http'; status: number; retryAfter?: string | null; error?: string; reason?: string };

export type TokenGrant = 'authorization_code' | 'refresh_token';
/** Every call to the OAuth server: the two grants, and revocation at sign-out. */
export type TokenCall = TokenGrant | 'revocation';

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

/** The default: every message names Zoom, and a dead refresh token is `session_expired`. */
export const ZOOM_WORDING: ProviderWording = {
  name: 'Zoom',
  sessionExpiredCode: 'session_expired',
};

const sessionExpiredMessage = (w: ProviderWording) =>
  w.name === 'Zoom' ? SESSION_EXPIRED_MESSAGE : `Your ${w.name} session ended — connect again`;
const invalidClientMessage = (w: ProviderWording) =>
  w.name === 'Zoom'
    ? INVALID_CLIENT_MESSAGE
    : `${w.name} rejected this app's client ID or secret. Check them in Settings, then connect again.`;
/** OAuth error codes that say "not now" rather than "no" (RFC 6749 §4.1.2.1), whatever the status. */
const TRANSIENT_OAUTH_ERRORS = new Set(['temporarily_unavailable', 'server_error']);

/** Retry-After is either delta-seconds or a date (HTTP-date, or ISO 8601 as Zoom sends for daily limits). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The OAuth error in an answer's body, if it is one: JSON (by content type) with a non-empty
 * string `error`. A proxy's HTML page or a bare 401 challenge is not an answer from the OAuth
 * server, so it carries no error code and can never end the session.
 */
export function readOAuthErrorBody(
  headers: Headers,
  text: string,
): { error: string; reason?: string } | null {
  const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { error, reason, error_description: description } = body as Record<string, unknown>;
  if (typeof error !== 'string' || error === '') return null;
  const why = typeof reason === 'string' ? reason : description;
  return typeof why === 'string' && why !== '' ? { error, reason: why } : { error };
}

function minutes(ms: number): string {
  const count = Math.max(1, Math.ceil(ms / 60_000));
  return count === 1 ? '1 minute' : `${count} minutes`;
}

function seconds(ms: number): string {
  const count = Math.max(1, Math.round(ms / 1000));
  return count === 1 ? '1 second' : `${count} seconds`;
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
 * the server (an OAuth error in a 4xx JSON body) does; network trouble, deadlines, 5xx, 429
 * and "temporarily unavailable" never sign anyone out, because laptops wake up offline all the
 * time. A request that could not be built is not a network problem either.
 */
export function classifyTokenFailure(
  input: TokenFailureInput,
  call: TokenCall,
  now: number,
  wording: ProviderWording = ZOOM_WORDING,
): TokenFailure {
  const name = wording.name;
  switch (input.kind) {
    case 'network':
      return transient(
        'offline',
        `${name} could not be reached. Check your internet connection; Meeting Tray will try again.`,
      );
    case 'timeout':
      return transient(
        'timeout',
        `${name}'s sign-in service did not answer${input.deadlineMs ? ` within ${seconds(input.deadlineMs)}` : ' in time'}. Meeting Tray will try again.`,
      );
    case 'too_large':
      return transient(
        'server_error',
        `${name}'s sign-in service sent an answer far larger than any sign-in answer, so Meeting Tray did not read it. It will try again shortly.`,
      );
    case 'aborted':
      return isAppError(input.reason)
        ? transient(input.reason.code, input.reason.message)
        : transient('unknown', `The request to ${name} was cancelled.`);
    case 'not_sent':
      return notSent(call, wording);
    case 'http':
      return httpFailure(input, call, now, wording);
  }
}

function notSent(call: TokenCall, wording: ProviderWording): TokenFailure {
  if (call === 'authorization_code') {
    return terminal(
      'invalid_callback',
      'The sign-in response from the browser could not be used. Please sign in again.',
    );
  }
  if (call === 'refresh_token')
    return terminal(wording.sessionExpiredCode, sessionExpiredMessage(wording));
  return terminal('unknown', `Meeting Tray could not ask ${wording.name} to revoke its access.`);
}

function httpFailure(
  input: Extract<TokenFailureInput, { kind: 'http' }>,
  call: TokenCall,
  now: number,
  wording: ProviderWording,
): TokenFailure {
  const { status } = input;
  const name = wording.name;
  const retryAfterMs = parseRetryAfter(input.retryAfter, now);
  if (status === 429) {
    const when = retryAfterMs === null ? 'shortly' : `in ${minutes(retryAfterMs)}`;
    return transient(
      'rate_limited',
      `${name} is limiting requests right now. Meeting Tray will try again ${when}.`,
      retryAfterMs,
    );
  }
  if (status >= 500 || !input.error || TRANSIENT_OAUTH_ERRORS.has(input.error)) {
    return transient(
      'server_error',
      `${name}'s sign-in service had a problem (HTTP ${status}). Meeting Tray will try again shortly.`,
      retryAfterMs,
    );
  }
  if (input.error === 'invalid_client')
    return terminal('invalid_client', invalidClientMessage(wording));
  const detail = input.reason ?? input.error;
  if (call === 'refresh_token') {
    // Zoom: 400 {"reason":"Invalid Token!","error":"invalid_grant"} (older: error invalid_request).
    // Any other definitive OAuth error on refresh also means this refresh token is no good.
    return terminal(wording.sessionExpiredCode, sessionExpiredMessage(wording));
  }
  if (call === 'revocation') {
    return terminal('unknown', `${name} did not revoke Meeting Tray's access (${detail}).`);
  }
  return terminal(
    'token_exchange_failed',
    `${name} did not accept the sign-in (${detail}). Please sign in again.`,
  );
}
