import type { Clock } from '../core/ports.ts';

/** Real time. Timers are unref'd so a pending refresh never keeps a CLI or test process alive. */
export function createSystemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      handle.unref?.();
      return handle;
    },
    clearTimeout(handle) {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
  };
}
