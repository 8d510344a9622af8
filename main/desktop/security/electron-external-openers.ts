import type { Shell } from 'electron';
import type { BrowserOpener } from '../../core/ports.ts';
import { AppError } from '../../core/errors.ts';
import { allowedExternalUrl } from './external-url-policy.ts';

/**
 * For URLs from meetings, the tray, notifications and the renderer: only allow-listed Zoom
 * links ever reach shell.openExternal, because it can launch any registered program.
 */
export function createJoinOpener(shell: Pick<Shell, 'openExternal'>): BrowserOpener {
  return async (url) => {
    const allowed = allowedExternalUrl(url);
    if (!allowed)
      throw new AppError(
        'invalid_argument',
        'That link is not a Zoom meeting link, so it was not opened.',
      );
    await shell.openExternal(allowed);
  };
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
