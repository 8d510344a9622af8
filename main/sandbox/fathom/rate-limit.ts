// Fathom's limit (fathom-facts §2.8): N calls per fixed window per account, answered with
// RateLimit-Limit / -Remaining / -Reset (seconds left in the window) on every answer and 429
// once the window is used up. Retry-After is undocumented, so it is a switch.

export interface FathomRateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export interface FathomRateLimiter {
  take(account: string): FathomRateDecision;
  reset(): void;
}

export function createFathomRateLimiter(deps: {
  now: () => number;
  limit: number;
  windowSeconds: number;
  retryAfter: boolean;
}): FathomRateLimiter {
  const windows = new Map<string, { start: number; used: number }>();
  const windowMs = deps.windowSeconds * 1000;
  return {
    take(account) {
      const now = deps.now();
      let window = windows.get(account);
      if (!window || now - window.start >= windowMs) {
        window = { start: now, used: 0 };
        windows.set(account, window);
      }
      window.used += 1;
      const allowed = window.used <= deps.limit;
      const resetSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
      const headers: Record<string, string> = {
        'RateLimit-Limit': String(deps.limit),
        'RateLimit-Remaining': String(Math.max(0, deps.limit - window.used)),
        'RateLimit-Reset': String(resetSeconds),
      };
      if (!allowed && deps.retryAfter) headers['Retry-After'] = String(resetSeconds);
      return { allowed, headers };
    },
    reset: () => windows.clear(),
  };
}
