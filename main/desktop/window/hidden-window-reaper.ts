import type { Clock, TimerHandle } from '../../core/ports.ts';

/** How long a hidden window is kept before it is destroyed to give its memory back. */
export const HIDDEN_WINDOW_LIFETIME_MS = 5 * 60_000;

export interface HiddenWindowReaper {
  windowHidden(): void;
  windowShown(): void;
  dispose(): void;
}

/**
 * Closing the window only hides it, so reopening from the tray is instant. A renderer that
 * stays hidden costs tens of megabytes for nothing, so after a while it is destroyed and the
 * tray app runs with no renderer at all until someone opens the window again.
 */
export function createHiddenWindowReaper(deps: {
  clock: Clock;
  destroyWindow: () => void;
  lifetimeMs?: number;
}): HiddenWindowReaper {
  const lifetime = deps.lifetimeMs ?? HIDDEN_WINDOW_LIFETIME_MS;
  let handle: TimerHandle | null = null;
  const cancel = () => {
    if (handle !== null) deps.clock.clearTimeout(handle);
    handle = null;
  };
  return {
    windowHidden() {
      cancel();
      handle = deps.clock.setTimeout(() => {
        handle = null;
        deps.destroyWindow();
      }, lifetime);
    },
    windowShown: cancel,
    dispose: cancel,
  };
}
