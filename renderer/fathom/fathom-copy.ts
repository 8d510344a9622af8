/**
 * What the window says about Fathom's connection. Where to remove the app in Fathom is not
 * documented (reference §1.8: UNCERTAIN), so the words point to Fathom's settings, not a path.
 */

export const CONNECT_FATHOM_PROMPT = 'Connect Fathom to see your recent notes';

/** After an OAuth disconnect: Fathom has no revoke endpoint, so access ends only in Fathom. */
export const REMOVE_APP_HINT =
  "Disconnected on this computer. Fathom gives apps no way to withdraw their own access: to fully remove it, remove Meeting Tray from the connected apps in Fathom's settings.";

/** After an API-key disconnect: the key itself still works until it is deleted in Fathom. */
export const REMOVE_KEY_HINT =
  "Disconnected: the API key is deleted from this computer. The key itself still works until you delete it under API Access in Fathom's settings.";

export const FATHOM_CONNECTED = 'Fathom connected. Your recent notes are on the main screen.';
export const FATHOM_DISCONNECTED = 'Fathom disconnected.';
