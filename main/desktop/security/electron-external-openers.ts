import type { App, Shell } from 'electron';
import type { JoinChoice } from '../../../preload/contract.ts';
import { ZOOM_APP_PROTOCOL } from '../../../preload/shared/join-link.ts';
import type { BrowserOpener, Logger } from '../../core/ports.ts';
import { AppError } from '../../core/errors.ts';
import { allowedExternalUrl } from './external-url-policy.ts';
import { createMeetingOpener } from './join-opener.ts';

/**
 * For URLs from meetings, the tray, notifications and the renderer: only allow-listed Zoom
 * links ever reach shell.openExternal, because it can launch any registered program. A meeting
 * link opens in the Zoom app when `joinIn` is 'app' and something handles `zoommtg:`; the check
 * comes first because openExternal rejects for an unknown scheme on macOS but not on Linux
 * (desktop-facts §1), and a rejection still falls back to the browser.
 */
export function createJoinOpener(deps: {
  shell: Pick<Shell, 'openExternal'>;
  app: Pick<App, 'getApplicationNameForProtocol'>;
  joinIn: () => JoinChoice;
  logger: Logger;
}): BrowserOpener {
  return createMeetingOpener({
    joinIn: deps.joinIn,
    zoomAppInstalled: () => deps.app.getApplicationNameForProtocol(`${ZOOM_APP_PROTOCOL}//`) !== '',
    openExternal: async (url) => {
      // A last check at the door itself: nothing but the allow-list reaches the system.
      const allowed = allowedExternalUrl(url);
      if (!allowed)
        throw new AppError(
          'invalid_argument',
          'That link is not a Zoom meeting link, so it was not opened.',
        );
      await deps.shell.openExternal(allowed);
    },
    logger: deps.logger,
  });
}

/**
 * For the sign-in page only. The auth core builds that URL from configuration (Zoom's https
 * endpoint, or the local sandbox over http://127.0.0.1 in demo mode), so it may be http, but
 * never another scheme.
 */
export function createSignInPageOpener(shell: Pick<Shell, 'openExternal'>): BrowserOpener {
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new AppError(
        'config_invalid',
        'The sign-in address is not valid. Check the app configuration.',
      );
    }
    const loopback = parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1';
    if (parsed.protocol !== 'https:' && !loopback) {
      throw new AppError(
        'config_invalid',
        'The sign-in address must use https. Check the app configuration.',
      );
    }
    try {
      await shell.openExternal(parsed.href);
    } catch (error) {
      throw new AppError(
        'browser_open_failed',
        'Your browser could not be opened. Open it yourself and try again.',
        { cause: error },
      );
    }
  };
}
