import type { SessionState } from '../../preload/contract.ts';
import type { SessionService } from '../../main/core/session/session-service.ts';
import { signedOut } from './session-fixtures.ts';

/** A SessionService that records what it was asked and publishes whatever the test sets. */
export function createFakeSessionService(initial: SessionState = signedOut) {
  let state = initial;
  const listeners = new Set<(state: SessionState) => void>();
  const calls: string[] = [];
  const service = {
    getState: () => state,
    subscribe(listener: (state: SessionState) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start: async () => void calls.push('start'),
    signIn: async () => void calls.push('signIn'),
    cancelSignIn: () => void calls.push('cancelSignIn'),
    reopenSignInPage: async () => void calls.push('reopenSignInPage'),
    signOut: async () => (calls.push('signOut'), { serverRevoked: true }),
    refresh: async () => void calls.push('refresh'),
    dispose: () => void calls.push('dispose'),
    setWindowVisible: (visible: boolean) => void calls.push(`setWindowVisible:${visible}`),
    setUserActive: (active: boolean) => void calls.push(`setUserActive:${active}`),
  } satisfies SessionService;
  return {
    service,
    calls,
    listenerCount: () => listeners.size,
    /** Sets the state and tells every subscriber, as the real service does on a change. */
    publish(next: SessionState) {
      state = next;
      for (const listener of [...listeners]) listener(next);
    },
  };
}
