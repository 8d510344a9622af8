import { useEffect } from 'react';
import type { MeetingTrayApi, ScreenRequest } from '../../preload/contract.ts';

/**
 * Shows the screens main asks for (the tray's "Settings…"). A request made before this page
 * existed waits in main, so it is taken once on load, and again on every push.
 */
export function useScreenRequests(
  api: MeetingTrayApi,
  show: (screen: ScreenRequest) => void,
): void {
  useEffect(() => {
    // A taken request is gone from main, so its answer is always shown, even if this effect was
    // cleaned up meanwhile (React's development double mount): showing is only a state change.
    const take = () => {
      api.takeScreenRequest().then(
        (result) => {
          if (result.ok && result.value) show(result.value);
        },
        () => undefined,
      );
    };
    const unsubscribe = api.onScreenRequested(take);
    take();
    return unsubscribe;
  }, [api, show]);
}
