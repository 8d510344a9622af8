import type { Net } from 'electron';
import type { Clock, TimerHandle, WakeEvents } from '../../core/ports.ts';

export interface NetworkAwareWakeEvents extends WakeEvents {
  /** Starts watching for the network to come back (call when a refresh failed offline). */
  watchForOnline(): void;
  dispose(): void;
}

const ONLINE_POLL_MS = 15_000;

type PowerEvent = 'resume' | 'unlock-screen';

/** The members of Electron's powerMonitor the wake events use. */
export interface PowerEvents {
  on(event: PowerEvent, listener: () => void): unknown;
  off(event: PowerEvent, listener: () => void): unknown;
}

/**
 * Resume and unlock come from powerMonitor. "Online" is detected in main with `net.isOnline()`,
 * polled only while the network is known to be down (after a wake, or when the session reports
 * offline) and stopped as soon as it is back. The renderer's `online` event was not chosen: the
 * window is destroyed when hidden for a while, and the tray must recover without it. A poll that
 * runs only while offline costs nothing when all is well.
 */
export function createWakeEvents(deps: {
  powerMonitor: PowerEvents;
  net: Pick<Net, 'isOnline'>;
  clock: Clock;
  pollMs?: number;
}): NetworkAwareWakeEvents {
  const listeners = new Set<(reason: 'resume' | 'unlock' | 'online') => void>();
  let poll: TimerHandle | null = null;
  const emit = (reason: 'resume' | 'unlock' | 'online') => {
    for (const listener of [...listeners]) listener(reason);
  };

  const checkOnline = () => {
    poll = null;
    if (deps.net.isOnline()) {
      emit('online');
      return;
    }
    poll = deps.clock.setTimeout(checkOnline, deps.pollMs ?? ONLINE_POLL_MS);
  };
  const watchForOnline = () => {
    if (poll === null && !deps.net.isOnline())
      poll = deps.clock.setTimeout(checkOnline, deps.pollMs ?? ONLINE_POLL_MS);
  };

  const onResume = () => {
    emit('resume');
    watchForOnline();
  };
  const onUnlock = () => {
    emit('unlock');
    watchForOnline();
  };
  deps.powerMonitor.on('resume', onResume);
  deps.powerMonitor.on('unlock-screen', onUnlock);

  return {
    onWake(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watchForOnline,
    dispose() {
      deps.powerMonitor.off('resume', onResume);
      deps.powerMonitor.off('unlock-screen', onUnlock);
      if (poll !== null) deps.clock.clearTimeout(poll);
      poll = null;
      listeners.clear();
    },
  };
}
