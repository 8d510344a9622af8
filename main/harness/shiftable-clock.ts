/**
 * The browser harness's clock in test mode: real time plus an offset that a test moves forward
 * (`POST /__test/clock`), so a Playwright spec sees main's minute tick — and the window's
 * countdown move — without waiting a real minute. Timers keep their due time on the shifted
 * clock: moving past one fires it at once, in due order. Never used by the app.
 */
import type { Clock, TimerHandle } from '../core/ports.ts';

export interface ShiftableClock extends Clock {
  /** Moves the clock `ms` forward and fires every timer that is now due. */
  advance(ms: number): void;
}

interface Pending {
  due: number;
  callback: () => void;
  timer: ReturnType<typeof setTimeout>;
}

export function createShiftableClock(initialOffsetMs: number): ShiftableClock {
  let offset = initialOffsetMs;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const now = () => Date.now() + offset;

  const arm = (id: number, due: number, callback: () => void) => {
    const timer = setTimeout(
      () => {
        pending.delete(id);
        callback();
      },
      Math.max(0, due - now()),
    );
    // As the system clock's: a pending timer never keeps the process alive.
    timer.unref();
    pending.set(id, { due, callback, timer });
  };

  return {
    now,
    setTimeout(callback, ms) {
      const id = nextId++;
      arm(id, now() + Math.max(0, ms), callback);
      return id as TimerHandle;
    },
    clearTimeout(handle) {
      const entry = pending.get(handle as number);
      if (!entry) return;
      clearTimeout(entry.timer);
      pending.delete(handle as number);
    },
    advance(ms) {
      offset += Math.max(0, ms);
      const entries = [...pending.entries()].sort(([, a], [, b]) => a.due - b.due);
      for (const [id, entry] of entries) {
        clearTimeout(entry.timer);
        arm(id, entry.due, entry.callback);
      }
    },
  };
}
