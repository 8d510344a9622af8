// Turns a failed Zoom API response into an AppError a person can act on.
import { AppError } from '../errors.ts';
import { isRecord, readNumber, readString } from './json-reader.ts';
import { retryAfterMs } from './retry-after.ts';

/** A 429: the session waits `retryAfterMs` before asking Zoom again. */
export class RateLimitError extends AppError {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, message: string) {
    super('rate_limited', message);
    this.name = 'RateLimitError';
    this.retryAfterMs = retryAfterMs;
  }
}

export function isRateLimitError(value: unknown): value is RateLimitError {
  return value instanceof RateLimitError;
}

/** Zoom's API error body: `{ "code": <int>, "message": "..." }`. */
export interface ZoomErrorBody {
  code: number | null;
  message: string | null;
}

export function readZoomErrorBody(body: unknown): ZoomErrorBody {
  if (!isRecord(body)) return { code: null, message: null };
  return { code: readNumber(body, 'code'), message: readString(body, 'message') };
}

/** Zoom code 4711: "Invalid access token, does not contain scopes:[a, b]." */
export const MISSING_SCOPE_CODE = 4711;

export function missingScopeError(message: string | null): AppError {
  const scopes = message?.match(/scopes?\s*:?\s*\[([^\]]*)\]/i)?.[1]?.trim();
  const which = scopes ? `: ${scopes}` : '';
  return new AppError(
    'missing_scope',
    `The Zoom app lacks a scope${which}. Add it in the Zoom Marketplace (App › Scopes), then sign in again.`,
  );
}

export function sessionExpiredError(): AppError {
  return new AppError('session_expired', 'Your Zoom session has ended. Sign in again to continue.');
}

export function offlineError(cause: unknown): AppError {
  return new AppError(
    'offline',
    "Can't reach Zoom. Check your internet connection; Meeting Tray will try again.",
    { cause },
  );
}

export function timeoutError(deadlineMs: number, cause: unknown): AppError {
  return new AppError(
    'timeout',
    `Zoom did not answer within ${Math.max(1, Math.round(deadlineMs / 1000))} seconds. Meeting Tray will try again.`,
    { cause },
  );
}

export function tooLargeError(maxBytes: number): AppError {
  return new AppError(
    'server_error',
    `Zoom sent an answer larger than ${describeSize(maxBytes)}, so Meeting Tray did not read it. Try again in a few minutes.`,
  );
}

export function unreadableResponseError(what: string): AppError {
  return new AppError(
    'server_error',
    `Zoom sent ${what} that Meeting Tray could not read. Try again in a few minutes.`,
  );
}

/** Every non-2xx answer except 401, which the client handles by refreshing the token. */
export function errorForResponse(
  status: number,
  headers: Headers,
  body: unknown,
  now: number,
): AppError {
  const zoom = readZoomErrorBody(body);
  if (zoom.code === MISSING_SCOPE_CODE) return missingScopeError(zoom.message);
  if (status === 429) {
    const waitMs = retryAfterMs(headers, now);
    return new RateLimitError(
      waitMs,
      `Zoom is limiting requests right now. Meeting Tray will try again in ${describeWait(waitMs)}.`,
    );
  }
  if (status >= 500) {
    return new AppError(
      'server_error',
      'Zoom is having trouble right now. Meeting Tray will try again shortly.',
    );
  }
  const detail = zoom.code !== null ? ` (Zoom code ${zoom.code})` : '';
  return new AppError(
    'unknown',
    `Zoom refused the request${detail}${zoom.message ? `: ${zoom.message.slice(0, 200)}` : '.'} If this keeps happening, ask your Zoom admin.`,
  );
}

/** A person-sized duration: "7 seconds", "12 minutes", "15 hours". */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

/** "8 MB", "64 KB": limits are powers of two, so whole units read best. */
function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
