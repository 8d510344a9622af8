/** Refresh this long before expiry at least… */
export const MIN_REFRESH_LEAD_MS = 5 * 60_000;
/** …or 10% of the token's lifetime when that is longer. */
export const REFRESH_LEAD_FRACTION = 0.1;
/** Up to this much earlier, so many clients don't refresh in lockstep. */
export const MAX_JITTER_MS = 30_000;
/** Backoff after a transient failure: 1 minute doubling to 30 minutes. */
export const MIN_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 30 * 60_000;

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

/** Delay before retrying after the n-th consecutive transient failure (n ≥ 1), honouring Retry-After. */
export function backoffDelayMs(failures: number, retryAfterMs: number | null): number {
  const exponential = MIN_BACKOFF_MS * 2 ** Math.max(0, failures - 1);
  return Math.min(MAX_BACKOFF_MS, Math.max(exponential, retryAfterMs ?? 0));
}
