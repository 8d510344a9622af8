import type { Clock, TimerHandle } from '../../main/core/ports.ts';

interface PendingTimer {
  id: number;
  at: number;
  callback: () => void;
}

export interface FakeClock extends Clock {
  /** Moves time forward, firing due timers in order (and the timers they schedule). */
  advance(ms: number): Promise<void>;
  /** Jumps the wall clock without firing timers, like a sleep or a manual clock change. */
  jump(ms: number): void;
  pendingTimers(): number;
}

/** A deterministic clock: time moves only when a test says so. */
export function createFakeClock(start = Date.parse('2026-11-24T09:00:00Z')): FakeClock {
  let now = start;
  let nextId = 1;
  const timers: PendingTimer[] = [];

  const flushMicrotasks = async () => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  };

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { id: nextId++, at: now + Math.max(0, ms), callback };
      timers.push(timer);
      return timer.id as TimerHandle;
    },
    clearTimeout(handle) {
      const index = timers.findIndex((t) => t.id === handle);
      if (index >= 0) timers.splice(index, 1);
    },
    async advance(ms) {
      const target = now + ms;
      await flushMicrotasks();
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const due = timers[0];
        if (!due || due.at > target) break;
        timers.shift();
        now = Math.max(now, due.at);
        due.callback();
        await flushMicrotasks();
      }
      now = target;
      await flushMicrotasks();
    },
    jump(ms) {
      now += ms;
    },
    pendingTimers: () => timers.length,
  };
}
