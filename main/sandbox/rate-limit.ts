// Zoom's rate limits on the sandbox clock (zoom-facts §7). Per-second buckets, Pro plan:
// users/me is Light (30/s), list meetings is Medium (20/s). Optional daily caps (the Free plan
// has them for Light and Medium) answer with `X-RateLimit-Type: Daily-limit` and a
// `Retry-After` of the next UTC midnight as an ISO date. Limits are per account; there is one.

export type RateCategory = 'Light' | 'Medium';

export const PRO_PER_SECOND: Record<RateCategory, number> = { Light: 30, Medium: 20 };

export type DailyLimits = Partial<Record<RateCategory, number>>;

export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; limit: 'per-second' | 'daily'; headers: Record<string, string> };

export interface RateLimiter {
  take(category: RateCategory): RateDecision;
  reset(): void;
}

const DAY_MS = 86_400_000;

export function rateLimitHeaders(
  category: RateCategory,
  remaining: number,
): Record<string, string> {
  return {
    'X-RateLimit-Category': category,
    'X-RateLimit-Type': 'QPS',
    'X-RateLimit-Limit': String(PRO_PER_SECOND[category]),
    'X-RateLimit-Remaining': String(Math.max(0, remaining)),
  };
}

function dailyLimitHeaders(
  category: RateCategory,
  limit: number,
  now: number,
): Record<string, string> {
  const nextMidnight = (Math.floor(now / DAY_MS) + 1) * DAY_MS;
  return {
    'X-RateLimit-Category': category,
    'X-RateLimit-Type': 'Daily-limit',
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
    'Retry-After': new Date(nextMidnight).toISOString().replace('.000Z', 'Z'),
  };
}

export function createRateLimiter(deps: {
  now: () => number;
  enabled: boolean;
  daily?: DailyLimits;
}): RateLimiter {
  let second = Number.NaN;
  let day = Number.NaN;
  const usedThisSecond = new Map<RateCategory, number>();
  const usedToday = new Map<RateCategory, number>();
  const bump = (counts: Map<RateCategory, number>, category: RateCategory) => {
    const count = (counts.get(category) ?? 0) + 1;
    counts.set(category, count);
    return count;
  };
  return {
    take(category) {
      const now = deps.now();
      const dailyLimit = deps.daily?.[category];
      if (dailyLimit !== undefined) {
        const today = Math.floor(now / DAY_MS);
        if (today !== day) {
          day = today;
          usedToday.clear();
        }
        if (bump(usedToday, category) > dailyLimit) {
          return {
            allowed: false,
            limit: 'daily',
            headers: dailyLimitHeaders(category, dailyLimit, now),
          };
        }
      }
      if (!deps.enabled) return { allowed: true, headers: {} };
      const current = Math.floor(now / 1000);
      if (current !== second) {
        second = current;
        usedThisSecond.clear();
      }
      const count = bump(usedThisSecond, category);
      const limit = PRO_PER_SECOND[category];
      const headers = rateLimitHeaders(category, limit - count);
      return count <= limit
        ? { allowed: true, headers }
        : { allowed: false, limit: 'per-second', headers };
    },
    reset() {
      usedThisSecond.clear();
      usedToday.clear();
    },
  };
}
