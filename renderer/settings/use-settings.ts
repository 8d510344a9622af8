import { useEffect, useState } from 'react';
import type { MeetingTrayApi, SettingsView } from '../../preload/contract.ts';

/**
 * The settings as main last pushed them; null until the first answer. Subscribes before asking,
 * so a change pushed while getSettings is in flight is not lost, and a push wins over the
 * (older) answer. A failed answer leaves it null: the screen says it could not load.
 */
export function useSettings(api: MeetingTrayApi): SettingsView | null {
  const [view, setView] = useState<SettingsView | null>(null);

  useEffect(() => {
    let active = true;
    let pushed = false;
    const unsubscribe = api.onSettingsChanged((next) => {
      pushed = true;
      if (active) setView(next);
    });
    api.getSettings().then(
      (result) => {
        if (active && !pushed && result.ok) setView(result.value);
      },
      () => undefined,
    );
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);

  return view;
}
