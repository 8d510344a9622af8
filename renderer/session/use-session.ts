import { useEffect, useState } from 'react';
import type { MeetingTrayApi, SessionState } from '../../preload/contract.ts';
import { keepSameSession } from './keep-identity.ts';

/** Shown only if main cannot be asked at all; main owns every other state. */
const BRIDGE_FAILED: SessionState = {
  kind: 'error',
  code: 'unknown',
  message: 'Meeting Tray could not load your session. Restart Meeting Tray.',
  demo: false,
  sessionOnly: null,
};

/**
 * The session as main last pushed it; null until the first answer. Subscribes before asking,
 * so a change pushed while getSession is in flight is not lost, and a push wins over the
 * (older) getSession answer. What did not change keeps its identity (keep-identity.ts), so an
 * identical push renders nothing and memoized rows stay as they are.
 */
export function useSession(api: MeetingTrayApi): SessionState | null {
  const [session, setSession] = useState<SessionState | null>(null);

  useEffect(() => {
    let active = true;
    let pushed = false;
    const unsubscribe = api.onSessionChanged((state) => {
      pushed = true;
      if (active) setSession((previous) => keepSameSession(previous, state));
    });
    api.getSession().then(
      (state) => {
        if (active && !pushed) setSession(state);
      },
      () => {
        if (active && !pushed) setSession(BRIDGE_FAILED);
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);

  return session;
}
