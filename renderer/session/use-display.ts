import { useEffect, useState } from 'react';
import type { DisplayState, MeetingTrayApi } from '../../preload/contract.ts';
import { provisionalDisplay } from '../time/display-time.ts';

/**
 * Main's minute, zone, locale and display choices, as main last pushed them. Until main first
 * answers, the page's own zone and locale and the moment the window opened stand in. Subscribes
 * before asking, so a tick pushed while getDisplay is in flight is not lost and wins over the
 * (older) answer. The window runs no timer: the countdowns move when main pushes.
 */
export function useDisplay(api: MeetingTrayApi): DisplayState {
  const [display, setDisplay] = useState<DisplayState>(() => provisionalDisplay(Date.now()));

  useEffect(() => {
    let active = true;
    let pushed = false;
    let unsubscribe = () => {};
    try {
      unsubscribe = api.onDisplayChanged((next) => {
        pushed = true;
        if (active) setDisplay(next);
      });
      api.getDisplay().then(
        (next) => {
          if (active && !pushed) setDisplay(next);
        },
        () => undefined, // main did not answer: the page's own time stays, as it is correct too
      );
    } catch {
      // A bridge without the display channel (an older preload): the page's own time stays.
    }
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);

  return display;
}
