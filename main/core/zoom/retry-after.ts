// How long to wait after a 429, from Retry-After first and Zoom's X-RateLimit-* headers second.

/** Per-second limits clear within a second; wait a little longer than that. */
const QPS_BACKOFF_MS = 2_000;
/** When Zoom says nothing useful, wait a minute rather than hammer the API. */
const DEFAULT_BACKOFF_MS = 60_000;
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * Retry-After is either delta-seconds or a date (Zoom sends ISO 8601 for daily limits;
 * RFC 9110 allows an HTTP-date). A daily limit without a date resets at 00:00 UTC.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function retryAfterMs(headers: Headers, now: number): number {
  const fromRetryAfter = parseDelayOrDate(headers.get('retry-after'), now);
  if (fromRetryAfter !== null) return fromRetryAfter;

  const fromReset = parseDelayOrDate(headers.get('x-ratelimit-reset'), now);
  if (fromReset !== null) return fromReset;

  const type = headers.get('x-ratelimit-type')?.trim().toLowerCase();
  if (type === 'qps') return QPS_BACKOFF_MS;
  if (type === 'daily-limit') return nextUtcMidnight(now) - now;
  return DEFAULT_BACKOFF_MS;
}

function parseDelayOrDate(raw: string | null, now: number): number | null {
  const value = raw?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) {
    const seconds = Number(value);
    // A reset header may carry epoch seconds instead of a delay; no delay is decades long.
    return seconds > EPOCH_SECONDS_THRESHOLD ? Math.max(0, seconds * 1000 - now) : seconds * 1000;
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

function nextUtcMidnight(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}
