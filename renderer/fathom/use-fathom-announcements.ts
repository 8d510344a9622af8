import { useEffect, useRef } from 'react';
import type { FathomState } from '../../preload/contract.ts';
import { FATHOM_CONNECTED } from './fathom-copy.ts';

/**
 * Says "Fathom connected" when an OAuth connection the person started in the browser completes:
 * that result arrives as a push, not as the answer to a button, so no button can say it (the
 * API key's "Validate & save" says it itself).
 */
export function useFathomAnnouncements(
  fathom: FathomState | null,
  announce: (text: string) => void,
): void {
  const wasConnectingOAuth = useRef(false);
  const connectingOAuth = fathom?.kind === 'connecting' && fathom.mode === 'oauth';
  const connected = fathom?.kind === 'connected';
  useEffect(() => {
    if (wasConnectingOAuth.current && connected) announce(FATHOM_CONNECTED);
    wasConnectingOAuth.current = connectingOAuth;
  }, [connectingOAuth, connected, announce]);
}
