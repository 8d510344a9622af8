import { APP_HOST, APP_SCHEME } from '../app-protocol/app-protocol.ts';

/** True for the app's own pages (`app://renderer/…`), parsed rather than prefix-matched. */
export function isAppUrl(candidate: string | undefined | null): boolean {
  if (!candidate) return false;
  try {
    const url = new URL(candidate);
    return (
      url.protocol === `${APP_SCHEME}:` &&
      url.hostname === APP_HOST &&
      !url.username &&
      !url.password &&
      !url.port
    );
  } catch {
    return false;
  }
}

/**
 * Electron grants every permission unless told otherwise. The window needs only notifications,
 * and only for its own origin; camera, microphone, geolocation and the rest are refused.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined | null,
): boolean {
  return permission === 'notifications' && isAppUrl(requestingUrl);
}
