// Per-second buckets on the sandbox clock, Pro plan (zoom-facts §7): users/me is Light
// (30/s), list meetings is Medium (20/s). Limits are per account, and the sandbox has one.

export type RateCategory = 'Light' | 'Medium';

export const PRO_PER_SECOND: Record<RateCategory, number> = { Light: 30, Medium: 20 };

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export interface RateLimiter {
  take(category: RateCategory): RateDecision;
  reset(): void;
}

export function rateLimitHeaders(category: RateCategory, remaining: number): Record<string, string> {
  return {
    'X-RateLimit-Category': category,
    'X-RateLimit-Type': 'QPS',
    'X-RateLimit-Limit': String(PRO_PER_SECOND[category]),
    'X-RateLimit-Remaining': String(Math.max(0, remaining)),
  };
}

export function createRateLimiter(deps: { now: () => number; enabled: boolean }): RateLimiter {
  let second = Number.NaN;
  const used = new Map<RateCategory, number>();
  return {
    take(category) {
      if (!deps.enabled) return { allowed: true, headers: {} };
      const current = Math.floor(deps.now() / 1000);
      if (current !== second) {
        second = current;
        used.clear();
      }
      const count = (used.get(category) ?? 0) + 1;
      used.set(category, count);
      const limit = PRO_PER_SECOND[category];
      return { allowed: count <= limit, headers: rateLimitHeaders(category, limit - count) };
    },
    reset() {
      used.clear();
    },
  };
}
