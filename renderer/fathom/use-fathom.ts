import { useEffect, useState } from 'react';
import type { FathomState, MeetingTrayApi } from '../../preload/contract.ts';

/** Shown only if main cannot be asked at all; main owns every other state. */
const BRIDGE_FAILED: FathomState = {
  kind: 'error',
  code: 'unknown',
  message: 'Meeting Tray could not load your Fathom connection. Restart Meeting Tray.',
};

/**
 * Fathom's connection as main last pushed it; null until the first answer. Like useSession:
 * subscribes before asking, so a push during getFathom is not lost and wins over the (older)
 * answer. Independent of Zoom's session: either can change without the other.
 */
export function useFathom(api: MeetingTrayApi): FathomState | null {
  const [state, setState] = useState<FathomState | null>(null);

  useEffect(() => {
    let active = true;
    let pushed = false;
    const unsubscribe = api.onFathomChanged((next) => {
      pushed = true;
      if (active) setState(next);
    });
    api.getFathom().then(
      (next) => {
        if (active && !pushed) setState(next);
      },
      () => {
        if (active && !pushed) setState(BRIDGE_FAILED);
      },
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);

  return state;
}
