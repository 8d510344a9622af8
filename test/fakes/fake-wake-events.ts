import type { WakeEvents } from '../../main/core/ports.ts';

type WakeReason = Parameters<Parameters<WakeEvents['onWake']>[0]>[0];

/** WakeEvents a test can fire: resume from sleep, screen unlock, network back online. */
export function createFakeWakeEvents() {
  const listeners = new Set<(reason: WakeReason) => void>();
  return {
    onWake(listener: (reason: WakeReason) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    fire(reason: WakeReason) {
      for (const listener of [...listeners]) listener(reason);
    },
    listenerCount: () => listeners.size,
  } satisfies WakeEvents & Record<string, unknown>;
}
