import type { Clock, TimerHandle } from '../ports.ts';

export interface MinuteTicker {
  start(): void;
  /** Re-aligns to the wall clock, e.g. after a wake or a manual clock change. */
  realign(): void;
  stop(): void;
}

const MINUTE = 60_000;

/** Milliseconds until the next whole minute of the wall clock (a full minute when exactly on one). */
export function delayToNextMinute(now: number): number {
  const into = ((now % MINUTE) + MINUTE) % MINUTE;
  return MINUTE - into;
}

/**
 * Calls `onTick` once a minute, on the minute, for the tray countdown. Each tick schedules the
 * next from the clock's current time, so a drifting or jumped clock corrects itself; there is
 * never a faster timer, which keeps an idle tray app idle.
 */
export function createMinuteTicker(deps: { clock: Clock; onTick: () => void }): MinuteTicker {
  let handle: TimerHandle | null = null;

  const schedule = () => {
    handle = deps.clock.setTimeout(() => {
      handle = null;
      schedule();
      deps.onTick();
    }, delayToNextMinute(deps.clock.now()));
  };
  const cancel = () => {
    if (handle !== null) deps.clock.clearTimeout(handle);
    handle = null;
  };

  return {
    start() {
      if (handle === null) schedule();
    },
    realign() {
      if (handle === null) return;
      cancel();
      schedule();
    },
    stop: cancel,
  };
}
