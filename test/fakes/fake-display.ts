import type { DisplayState } from '../../preload/contract.ts';
import type { DisplaySource } from '../../main/ipc/ipc-server.ts';

/** The display the fixtures read best: 24 Nov 2026 09:00 UTC in London, en-GB, defaults. */
export const FIXTURE_DISPLAY: DisplayState = {
  now: Date.parse('2026-11-24T09:00:00Z'),
  timeZone: 'Europe/London',
  locale: 'en-GB',
  systemHourCycle: null,
  clock: 'system',
  joinIn: 'app',
};

export interface FakeDisplaySource extends DisplaySource {
  /** Changes the display and tells every subscriber, as main's minute tick would. */
  push(next: Partial<DisplayState>): void;
  listenerCount(): number;
}

/** main's DisplaySource for IPC tests: a state the test sets, pushed when it says so. */
export function createFakeDisplaySource(initial: Partial<DisplayState> = {}): FakeDisplaySource {
  let state: DisplayState = { ...FIXTURE_DISPLAY, ...initial };
  const listeners = new Set<(display: DisplayState) => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(next) {
      state = { ...state, ...next };
      for (const listener of [...listeners]) listener(state);
    },
    listenerCount: () => listeners.size,
  };
}
