/**
 * Joining a meeting: in the Zoom desktop app through its own `zoommtg:` link when the person
 * wants the app and it is installed, else (or when the app link fails to open) the https link
 * in the browser, whose Zoom page offers the app or the web client itself (desktop-facts §1).
 * Electron-free: the Electron adapter and the browser harness each supply how to ask the system.
 */
import type { JoinChoice } from '../../../preload/contract.ts';
import {
  parseAppJoinLink,
  parseWebJoinLink,
  zoomAppJoinLink,
  zoomWebJoinLink,
} from '../../../preload/shared/join-link.ts';
import { AppError } from '../../core/errors.ts';
import type { Logger } from '../../core/ports.ts';
import { allowedExternalUrl } from './external-url-policy.ts';

export interface MeetingOpenerDeps {
  /** The `joinIn` option, read at each join so a change applies to the next click. */
  joinIn: () => JoinChoice;
  /** False when no program handles `zoommtg:` (Electron: `getApplicationNameForProtocol` is ''). */
  zoomAppInstalled: () => boolean;
  /** Hands an allow-listed URL to the system (shell.openExternal). */
  openExternal: (url: string) => Promise<void>;
  logger: Logger;
}

/** Where a join goes, in order: the app link first when it applies, then the browser's. */
export function joinTargets(url: string, joinIn: JoinChoice, zoomAppInstalled: boolean): string[] {
  const web = parseWebJoinLink(url);
  const app = web ? null : parseAppJoinLink(url);
  // A zoommtg: link (never in Zoom's join_url, but accepted) still has a browser way in.
  const https = app ? zoomWebJoinLink(app) : url;
  const meeting = web ?? app;
  if (meeting && joinIn === 'app' && zoomAppInstalled) return [zoomAppJoinLink(meeting), https];
  return [https];
}

/**
 * Opens a meeting link from the window, the tray or a reminder. Only allow-listed links are
 * accepted; the app link is tried first when it applies, and any failure to open it falls back
 * to the browser. Nothing here logs a URL: join links carry the passcode (`pwd`).
 */
export function createMeetingOpener(deps: MeetingOpenerDeps): (url: string) => Promise<void> {
  return async (url) => {
    const allowed = allowedExternalUrl(url);
    if (!allowed)
      throw new AppError(
        'invalid_argument',
        'That link is not a Zoom meeting link, so it was not opened.',
      );
    const targets = joinTargets(allowed, deps.joinIn(), safely(deps.zoomAppInstalled));
    for (const [index, target] of targets.entries()) {
      const last = index === targets.length - 1;
      try {
        await deps.openExternal(target);
        return;
      } catch (error) {
        if (last) throw error;
        deps.logger.warn('the Zoom app did not open; opening the meeting in the browser', {
          error: error instanceof Error ? error.name : typeof error,
        });
      }
    }
  };
}

/** A handler lookup that throws counts as "not installed": the browser always works. */
function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
