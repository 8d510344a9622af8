import type { ErrorCode, ProviderId } from '../../preload/contract.ts';

export interface ErrorCopy {
  /** A short headline: what happened. */
  title: string;
  /** What the person can do about it. */
  action: string;
}

/** Every error code has copy a person can act on; a test keeps this in step with ERROR_CODES. */
export const ERROR_COPY: Record<ErrorCode, ErrorCopy> = {
  access_denied: {
    title: 'Access not allowed',
    action:
      'You declined access in the browser. Sign in again and choose Allow to see your meetings.',
  },
  sign_in_timeout: {
    title: 'Sign-in timed out',
    action:
      'The browser did not finish signing in within 5 minutes. Sign in again when you are ready.',
  },
  sign_in_cancelled: {
    title: 'Sign-in cancelled',
    action: 'Sign in again whenever you want to see your meetings.',
  },
  browser_open_failed: {
    title: 'Could not open your browser',
    action:
      'Meeting Tray could not open your web browser. Check that a default browser is set, then sign in again.',
  },
  loopback_failed: {
    title: 'Could not start sign-in',
    action:
      'Meeting Tray could not listen for the sign-in reply on this computer. Restart Meeting Tray and sign in again.',
  },
  invalid_callback: {
    title: 'Sign-in link not recognised',
    action:
      'That sign-in reply does not match a sign-in started here. Start sign-in again from Meeting Tray.',
  },
  token_exchange_failed: {
    title: 'Sign-in could not be completed',
    action:
      'Zoom did not accept the sign-in. Sign in again; if it keeps failing, try again in a few minutes.',
  },
  session_expired: {
    title: 'Your Zoom session ended',
    action:
      'Zoom ended this session, for example after a password change or removing the app. Sign in again.',
  },
  invalid_client: {
    title: 'Zoom rejected this app',
    action:
      "Zoom does not recognise this app's client ID (or its secret). Check them in Settings → Zoom account, or ask whoever set up Meeting Tray.",
  },
  config_invalid: {
    title: 'Meeting Tray is not set up correctly',
    action:
      'The Zoom account settings are not valid. Check them in Settings → Zoom account (or ZOOM_CLIENT_ID, if it is set).',
  },
  missing_scope: {
    title: 'Permission missing',
    action:
      'Zoom did not grant permission to read your meetings. Sign in again and allow all requested access.',
  },
  rate_limited: {
    title: 'Zoom is busy',
    action:
      "Zoom asked Meeting Tray to slow down. It will try again shortly; you don't need to do anything.",
  },
  server_error: {
    title: 'Zoom is having problems',
    action: "Zoom's servers returned an error. Meeting Tray will try again shortly.",
  },
  offline: {
    title: "You're offline",
    action: "You're offline. Meeting Tray will update when you're back online.",
  },
  timeout: {
    title: 'Zoom did not answer',
    action: 'Zoom took too long to answer. Meeting Tray will try again shortly.',
  },
  keychain_unavailable: {
    title: 'Keychain not available',
    action:
      "Your system keychain isn't available, so you'll need to sign in again next time. Install or unlock GNOME Keyring or KWallet.",
  },
  keychain_locked: {
    title: 'Keychain locked',
    action:
      'Unlock your login keychain (or GNOME Keyring / KWallet), then sign in again to stay signed in.',
  },
  settings_unwritable: {
    title: "Settings can't be saved",
    action:
      "Meeting Tray can't write to its data folder, so your settings and the offline copy of your meetings last only until you quit. Check that the folder exists, is writable and the disk is not full.",
  },
  invalid_argument: {
    title: 'Request not accepted',
    action:
      'Meeting Tray refused an unexpected request. Try again; if it keeps happening, restart Meeting Tray.',
  },
  untrusted_sender: {
    title: 'Request blocked',
    action:
      'A request came from a window Meeting Tray does not trust and was blocked. Restart Meeting Tray.',
  },
  not_signed_in: {
    title: 'Not signed in',
    action: 'Sign in with Zoom to see your meetings.',
  },
  logs_folder_unavailable: {
    title: 'Could not open the logs folder',
    action:
      'Open it yourself: ~/Library/Logs/Meeting Tray on macOS, %APPDATA%\\Meeting Tray\\logs on Windows, ~/.config/Meeting Tray/logs on Linux.',
  },
  shortcut_taken: {
    title: 'That shortcut is taken',
    action:
      'Another app (or your system) already uses these keys, so the shortcut stays off. Pick another one, or bind `meeting-tray --join-next` in your system keyboard settings.',
  },
  launch_at_login_failed: {
    title: 'Could not change launch at login',
    action:
      'Your system did not accept the change. Try again, or add or remove Meeting Tray in your system login items (Startup Applications on Linux).',
  },
  loopback_port_busy: {
    title: 'The sign-in port is in use',
    action:
      'Another program is using the port Meeting Tray listens on for the Fathom sign-in reply. Close that program, or choose another port in Settings → Fathom (and register the same redirect URL in your Fathom app), then connect again.',
  },
  fathom_session_expired: {
    title: 'Your Fathom connection ended',
    action:
      'Fathom no longer accepts this connection, for example after the app was removed in Fathom. Connect Fathom again.',
  },
  fathom_key_invalid: {
    title: 'Fathom refused the API key',
    action:
      'The API key is wrong, or it was deleted in Fathom. Create a new key in Fathom (Settings → API Access) and enter it again.',
  },
  fathom_schema_mismatch: {
    title: 'Fathom answered in an unexpected way',
    action:
      'Fathom sent data in a shape Meeting Tray does not understand, perhaps after a change on their side. Try again later, or update Meeting Tray.',
  },
  fathom_not_found: {
    title: 'Fathom has no such recording',
    action:
      'Fathom could not find this recording or its summary; it may have been deleted. Choose Update notes to see the current list.',
  },
  unknown: {
    title: 'Something went wrong',
    action: 'Please try again. If it keeps happening, restart Meeting Tray.',
  },
};

/**
 * The shared codes keep their meaning for Fathom, but their words above name Zoom: when Fathom is
 * the one that failed, these say so (the codes only Fathom raises already name it).
 */
export const FATHOM_ERROR_COPY: Partial<Record<ErrorCode, ErrorCopy>> = {
  access_denied: {
    title: 'Access not allowed',
    action:
      'You declined access in the browser. Connect Fathom again and choose to allow it to see your notes.',
  },
  sign_in_timeout: {
    title: 'Connecting Fathom timed out',
    action:
      'The browser did not finish connecting Fathom within 5 minutes. Connect Fathom again when you are ready.',
  },
  sign_in_cancelled: {
    title: 'Connecting Fathom cancelled',
    action: 'Connect Fathom again whenever you want to see your recent notes.',
  },
  browser_open_failed: {
    title: 'Could not open your browser',
    action:
      'Meeting Tray could not open your web browser. Check that a default browser is set, then connect Fathom again.',
  },
  loopback_failed: {
    title: 'Could not start connecting Fathom',
    action:
      "Meeting Tray could not listen for Fathom's reply on this computer. Restart Meeting Tray and connect Fathom again.",
  },
  invalid_callback: {
    title: 'Reply not recognised',
    action:
      'That reply does not match a Fathom connection started here. Connect Fathom again from Settings.',
  },
  token_exchange_failed: {
    title: 'Fathom could not be connected',
    action:
      'Fathom did not accept the sign-in. Connect Fathom again; if it keeps failing, check the client ID and secret in Settings → Fathom.',
  },
  invalid_client: {
    title: 'Fathom rejected this app',
    action:
      'Fathom does not recognise the client ID or its secret. Check them in Settings → Fathom against your app in Fathom, or use a personal API key instead.',
  },
  config_invalid: {
    title: 'Fathom is not set up correctly',
    action: 'The Fathom settings are not valid. Check them in Settings → Fathom.',
  },
  missing_scope: {
    title: 'Permission missing',
    action:
      'Fathom did not grant permission to read your meetings. Connect Fathom again and allow all requested access.',
  },
  rate_limited: {
    title: 'Fathom is busy',
    action:
      "Fathom asked Meeting Tray to slow down. It will try again shortly; you don't need to do anything.",
  },
  server_error: {
    title: 'Fathom is having problems',
    action: "Fathom's servers returned an error. Meeting Tray will try again shortly.",
  },
  offline: {
    title: "You're offline",
    action:
      "You're offline. Your saved notes stay here; Meeting Tray will update them when you're back online.",
  },
  timeout: {
    title: 'Fathom did not answer',
    action: 'Fathom took too long to answer. Meeting Tray will try again shortly.',
  },
  not_signed_in: {
    title: 'Fathom is not connected',
    action: 'Connect Fathom in Settings to see your recent notes.',
  },
};

/** The copy for a code; Fathom's words for the shared codes when Fathom is the one that failed. */
export function errorCopy(code: ErrorCode, provider: ProviderId = 'zoom'): ErrorCopy {
  const fathom = provider === 'fathom' ? FATHOM_ERROR_COPY[code] : undefined;
  return fathom ?? ERROR_COPY[code] ?? ERROR_COPY.unknown;
}
