import type { Clock } from '../ports.ts';

export type Within<T> = { settled: true; value: T } | { settled: false };

/**
 * Waits for `promise` at most `ms` on the injected clock. It never rejects: a rejection counts
 * as settled with `undefined`, because callers only need to know whether to wait any longer.
 */
export function within<T>(
  clock: Clock,
  promise: Promise<T>,
  ms: number,
): Promise<Within<T | undefined>> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => resolve({ settled: false }), Math.max(0, ms));
    const done = (value: T | undefined) => {
      clock.clearTimeout(timer);
      resolve({ settled: true, value });
    };
    promise.then(done, () => done(undefined));
  });
}
