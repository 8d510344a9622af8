import type { SandboxCounters } from './types.ts';

export interface Counters {
  countRequest(key: string): void;
  countGrant(grantType: string): void;
  countOversizedBytes(bytes: number): void;
  snapshot(): SandboxCounters;
  reset(): void;
}

export function createCounters(): Counters {
  let requests = new Map<string, number>();
  let grants = new Map<string, number>();
  let oversizedBytesWritten = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  return {
    countRequest: (key) => bump(requests, key),
    countGrant: (grantType) => bump(grants, grantType),
    countOversizedBytes(bytes) {
      oversizedBytesWritten += bytes;
    },
    snapshot: () => ({
      requests: Object.fromEntries(requests),
      grants: Object.fromEntries(grants),
      oversizedBytesWritten,
    }),
    reset() {
      requests = new Map();
      grants = new Map();
      oversizedBytesWritten = 0;
    },
  };
}
