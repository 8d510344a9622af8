// Injected failures for resilience tests. One draw per request from an injectable random
// source, so a rate of 1 always fires and a seeded source replays the same sequence.
import type { SandboxFaults } from './types.ts';

export type Fault = 'drop' | 'server_error' | 'rate_limit';

export const DEFAULT_RETRY_AFTER_SECONDS = 1;

export interface FaultInjector {
  set(faults: SandboxFaults | undefined): void;
  /** The faults in force now, for the handlers that shape their answers (token, meetings). */
  current(): Readonly<SandboxFaults>;
  pick(): Fault | null;
  retryAfterSeconds(): number;
}

export function createFaultInjector(deps: {
  random: () => number;
  initial?: SandboxFaults;
}): FaultInjector {
  let faults: SandboxFaults = { ...deps.initial };
  return {
    set(next) {
      faults = { ...next };
    },
    current: () => faults,
    pick() {
      const drop = faults.dropRate ?? 0;
      const serverError = faults.serverErrorRate ?? 0;
      const rateLimit = faults.rateLimitRate ?? 0;
      if (drop + serverError + rateLimit <= 0) return null;
      const roll = deps.random();
      if (roll < drop) return 'drop';
      if (roll < drop + serverError) return 'server_error';
      if (roll < drop + serverError + rateLimit) return 'rate_limit';
      return null;
    },
    retryAfterSeconds: () => faults.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
  };
}
