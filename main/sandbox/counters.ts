import type { SandboxCounters } from './types.ts';

export interface Counters {
  countRequest(key: string): void;
  countGrant(grantType: string): void;
  snapshot(): SandboxCounters;
  reset(): void;
}

export function createCounters(): Counters {
  let requests = new Map<string, number>();
  let grants = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  return {
    countRequest: (key) => bump(requests, key),
    countGrant: (grantType) => bump(grants, grantType),
    snapshot: () => ({
      requests: Object.fromEntries(requests),
      grants: Object.fromEntries(grants),
    }),
    reset() {
      requests = new Map();
      grants = new Map();
    },
  };
}
