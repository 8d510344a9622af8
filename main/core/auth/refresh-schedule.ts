/** Refresh this long before expiry at least… */
export const MIN_REFRESH_LEAD_MS = 5 * 60_000;
/** …or 10% of the token's lifetime when that is longer. */
export const REFRESH_LEAD_FRACTION = 0.1;
/** Up to this much earlier, so many clients don't refresh in lockstep. */
export const MAX_JITTER_MS = 30_000;
/** Backoff while the access token is still valid: 1 minute doubling to 30 minutes. */
export const MIN_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 30 * 60_000;
/**
 * Once the access token has expired nothing works until a refresh succeeds, so retries come
 * at most this far apart (jittered down to half of it, so clients don't retry in lockstep).
 */
export const EXPIRED_RETRY_MS = 60_000;
/**
 * No timer is set further out than this; a longer wait is re-armed in steps. setTimeout
 * overflows past 2^31−1 ms (about 24.8 days) and then fires at once.
 */
export const MAX_TIMER_DELAY_MS = 6 * 3_600_000;

export interface TokenTimes {
  obtainedAt: number;
  expiresAt: number;
}

/**
 * When to refresh proactively: expiry − max(5 min, 10% of lifetime) − jitter. The lead
 * is capped at half the lifetime so very short tokens are not refreshed in a loop.
 */
export function nextRefreshAt(tokens: TokenTimes, random: () => number): number {
  const lifetime = Math.max(0, tokens.expiresAt - tokens.obtainedAt);
  const lead = Math.min(
    Math.max(MIN_REFRESH_LEAD_MS, lifetime * REFRESH_LEAD_FRACTION),
    lifetime / 2,
  );
  const jitter = Math.floor(
    Math.min(1, Math.max(0, random())) * Math.min(MAX_JITTER_MS, lifetime / 20),
  );
  return tokens.expiresAt - lead - jitter;
}

/**
 * The least validity a handed-out token keeps. 120 s by default; a token whose whole
 * lifetime is shorter can never meet that, so it is capped at a quarter of the lifetime.
 */
export function minimumValidityMs(tokens: TokenTimes, configuredMs: number): number {
  return Math.min(configuredMs, Math.max(0, tokens.expiresAt - tokens.obtainedAt) / 4);
}

/** Delay before retrying after the n-th consecutive transient failure (n ≥ 1) of a valid token. */
export function backoffDelayMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * When to try again after a transient failure. While the access token is valid there is no
 * hurry: back off exponentially, but never past its expiry. Once it has expired the person has
 * nothing, so retry within a minute. A server's Retry-After is a floor whatever its size.
 */
export function retryAfterFailureAt(input: {
  now: number;
  failures: number;
  expiresAt: number;
  retryAfterMs: number | null;
  random: () => number;
}): number {
  const { now } = input;
  const ownAt =
    now < input.expiresAt
      ? Math.min(now + backoffDelayMs(input.failures), input.expiresAt)
      : now + EXPIRED_RETRY_MS * (0.5 + 0.5 * Math.min(1, Math.max(0, input.random())));
  return Math.max(ownAt, now + Math.max(0, input.retryAfterMs ?? 0));
}
