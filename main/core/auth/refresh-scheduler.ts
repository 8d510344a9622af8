import type { Clock, TimerHandle, WakeEvents } from '../ports.ts';
import { createMinuteTicks, type MinuteTickSource } from '../time/minute-ticker.ts';
import { MAX_TIMER_DELAY_MS } from './refresh-schedule.ts';

export type CheckReason = 'timer' | 'tick' | 'resume' | 'unlock' | 'online';

/** A minute tick is never further away than this. */
const TICK_MS = 60_000;

export interface RefreshScheduler {
  /**
   * Asks for a check at `at` (epoch ms) and no later than `latest`. When the next minute tick
   * meets `latest` no timer is set: the tick will do. null disarms. The ticks keep running.
   */
  arm(at: number | null, latest?: number): void;
  stop(): void;
}

/**
 * A long setTimeout freezes while the machine sleeps, so the check also runs on every wall-clock
 * minute (the app's shared minute ticks when given, else its own) and at once on wake events
 * (resume, unlock, online). A timer is set only when a tick would come too late, which keeps an
 * idle app on the one shared minute timer. The check itself decides whether anything is due.
 */
export function createRefreshScheduler(deps: {
  clock: Clock;
  wake: WakeEvents;
  check: (reason: CheckReason) => void;
  minuteTicks?: MinuteTickSource;
}): RefreshScheduler {
  const { clock } = deps;
  const ownTicks = deps.minuteTicks ? null : createMinuteTicks({ clock });
  let timer: TimerHandle | null = null;
  let stopped = false;

  const disarm = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  const leaveTicks = (deps.minuteTicks ?? ownTicks!).onMinute(() => {
    if (!stopped) deps.check('tick');
  });
  const unsubscribeWake = deps.wake.onWake((reason) => {
    if (!stopped) deps.check(reason);
  });

  return {
    arm(at, latest = at ?? Infinity) {
      disarm();
      if (at === null || stopped) return;
      if (at + TICK_MS <= latest) return;
      // Capped, so an absurd expiry never overflows setTimeout; the check re-arms when it fires.
      const delay = Math.min(Math.max(0, at - clock.now()), MAX_TIMER_DELAY_MS);
      timer = clock.setTimeout(() => {
        timer = null;
        deps.check('timer');
      }, delay);
    },
    stop() {
      stopped = true;
      disarm();
      leaveTicks();
      ownTicks?.stop();
      unsubscribeWake();
    },
  };
}
