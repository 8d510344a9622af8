import type { ZoomAccountInput } from '../../../preload/contract.ts';
import type { SavedZoomAccount } from './zoom-account-store.ts';

/** An account as chosen on the Settings screen, without its secret. */
export type AccountChoice = Omit<SavedZoomAccount, 'hasClientSecret'>;

/**
 * The Settings input as the account to store: trimmed, and with bases only for the custom
 * cloud (Zoom's and ZoomGov's are fixed). Validation is zoomProviderConfig's, after this.
 */
export function accountChoice(input: ZoomAccountInput): AccountChoice {
  const clientId = input.clientId.trim();
  if (input.cloud !== 'custom') return { clientId, cloud: input.cloud };
  return {
    clientId,
    cloud: 'custom',
    oauthBase: (input.oauthBase ?? '').trim(),
    apiBase: (input.apiBase ?? '').trim(),
  };
}
