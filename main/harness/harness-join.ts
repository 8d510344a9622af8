/**
 * The browser harness's stand-in for the operating system's side of Join. The decision — app
 * link or browser, and the fallback — is the app's own (main/desktop/security/join-opener.ts);
 * only the answers a desktop would give are played here: whether a Zoom app is installed
 * (`MEETING_TRAY_HARNESS_ZOOM_APP`: missing, the default, as a browser cannot know; installed;
 * or fails, an app that refuses to open), and where an opened link goes. In test mode
 * (`MEETING_TRAY_E2E=1`) links are recorded for the spec instead of opened, so a test never
 * reaches zoom.us.
 */
import type { JoinChoice } from '../../preload/contract.ts';
import { ZOOM_APP_PROTOCOL } from '../../preload/shared/join-link.ts';
import type { Logger } from '../core/ports.ts';
import { createMeetingOpener } from '../desktop/security/join-opener.ts';

export type HarnessZoomApp = 'missing' | 'installed' | 'fails';

export function parseHarnessZoomApp(value: string | undefined): HarnessZoomApp {
  return value === 'installed' || value === 'fails' ? value : 'missing';
}

export interface HarnessJoin {
  open(url: string): Promise<void>;
  /** Every link handed to the "system", in order (test mode only; otherwise empty). */
  opened(): readonly string[];
}

export function createHarnessJoin(deps: {
  zoomApp: HarnessZoomApp;
  testMode: boolean;
  joinIn: () => JoinChoice;
  /** Opens a web link in the page's browser (the harness's shell.openExternal). */
  openInPage: (url: string) => Promise<void>;
  logger: Logger;
}): HarnessJoin {
  const opened: string[] = [];
  const open = createMeetingOpener({
    joinIn: deps.joinIn,
    zoomAppInstalled: () => deps.zoomApp !== 'missing',
    async openExternal(url) {
      const app = url.startsWith(ZOOM_APP_PROTOCOL);
      if (app && deps.zoomApp === 'fails') throw new Error('the Zoom app did not start');
      if (deps.testMode) opened.push(url);
      else if (!app) await deps.openInPage(url);
    },
    logger: deps.logger,
  });
  return { open, opened: () => [...opened] };
}
