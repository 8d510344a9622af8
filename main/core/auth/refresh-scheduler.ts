import type { Clock, TimerHandle, WakeEvents } from '../ports.ts';

export type CheckReason = 'timer' | 'tick' | 'resume' | 'unlock' | 'online';

export interface RefreshScheduler {
  /** Fires a check at `at` (epoch ms); null disarms the timer. The periodic tick keeps running. */
  arm(at: number | null): void;
  stop(): void;
}

/**
 * A long setTimeout freezes while the machine sleeps, so besides the timer a wall-clock
 * tick runs every minute, and wake events (resume, unlock, online) check at once.
 * The check itself decides whether anything is due.
 */
export function createRefreshScheduler(deps: {
  clock: Clock;
  wake: WakeEvents;
  check: (reason: CheckReason) => void;
  tickMs?: number;
}): RefreshScheduler {
  const { clock } = deps;
  const tickMs = deps.tickMs ?? 60_000;
  let timer: TimerHandle | null = null;
  let tick: TimerHandle | null = null;
  let stopped = false;

  const scheduleTick = () => {
    tick = clock.setTimeout(() => {
      tick = null;
      if (stopped) return;
      scheduleTick();
      deps.check('tick');
    }, tickMs);
  };
  const unsubscribe = deps.wake.onWake((reason) => {
    if (!stopped) deps.check(reason);
  });
  scheduleTick();

  return {
    arm(at) {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      if (at === null || stopped) return;
      timer = clock.setTimeout(
        () => {
          timer = null;
          deps.check('timer');
        },
        Math.max(0, at - clock.now()),
      );
    },
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      if (tick !== null) clock.clearTimeout(tick);
      timer = tick = null;
      unsubscribe();
    },
  };
}
