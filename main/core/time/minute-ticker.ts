import type { Clock, TimerHandle } from '../ports.ts';

/** What a consumer of the shared minute needs: a listener per minute, on the minute. */
export interface MinuteTickSource {
  /** Calls `listener` on every whole minute of the wall clock; returns an unsubscribe. */
  onMinute(listener: () => void): () => void;
}

/** The app's one minute timer, shared by the tray countdown, reminders and the refresh checks. */
export interface MinuteTicks extends MinuteTickSource {
  /** Re-aligns to the wall clock, e.g. after a wake or a manual clock change. */
  realign(): void;
  /** Drops every listener and the timer. */
  stop(): void;
}

/** One consumer's view of a minute timer (the shell's original interface). */
export interface MinuteTicker {
  start(): void;
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
 * One timer that fires on the minute, for as many listeners as subscribe. It runs only while
 * someone listens, and each tick schedules the next from the clock's current time, so a drifting
 * or jumped clock corrects itself. Sharing it is what keeps an idle tray app at 60 wake-ups an hour.
 */
export function createMinuteTicks(deps: { clock: Clock }): MinuteTicks {
  const { clock } = deps;
  const listeners = new Set<() => void>();
  let handle: TimerHandle | null = null;

  const cancel = () => {
    if (handle !== null) clock.clearTimeout(handle);
    handle = null;
  };
  const schedule = () => {
    handle = clock.setTimeout(() => {
      handle = null;
      if (listeners.size > 0) schedule();
      // A listener that unsubscribes another (or itself) must not skip or repeat anyone.
      for (const listener of [...listeners]) listener();
    }, delayToNextMinute(clock.now()));
  };

  return {
    onMinute(listener) {
      // A wrapper per subscription, so the same function can subscribe twice and leave once.
      const entry = () => listener();
      listeners.add(entry);
      if (handle === null) schedule();
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0) cancel();
      };
    },
    realign() {
      if (handle === null) return;
      cancel();
      schedule();
    },
    stop() {
      listeners.clear();
      cancel();
    },
  };
}

/**
 * A single-listener ticker over createMinuteTicks: calls `onTick` once a minute, on the minute.
 * Given `ticks`, it rides that shared timer instead of owning one.
 */
export function createMinuteTicker(deps: {
  clock: Clock;
  onTick: () => void;
  ticks?: MinuteTicks;
}): MinuteTicker {
  const ticks = deps.ticks ?? createMinuteTicks({ clock: deps.clock });
  let unsubscribe: (() => void) | null = null;
  return {
    start() {
      unsubscribe ??= ticks.onMinute(deps.onTick);
    },
    realign: () => ticks.realign(),
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
