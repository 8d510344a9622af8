// The browser harness's binding of the one IPC door (main/ipc/ipc-server.ts): HTTP invokes in,
// server-sent events out. The page is the harness's one "window", so its browser opens links
// and holds the clipboard the way shell.openExternal and Electron's clipboard would.
import { Channel } from '../../preload/contract.ts';
import type { FathomConnection } from '../core/fathom/fathom-connection.ts';
import type { Logger } from '../core/ports.ts';
import type { SessionService } from '../core/session/session-service.ts';
import type { SettingsService } from '../core/settings/settings-service.ts';
import { allowedExternalUrl, allowedFathomUrl } from '../desktop/security/external-url-policy.ts';
import type { DisplaySource, IpcServer } from '../ipc/ipc-server.ts';
import { createMeetingTrayIpc } from '../ipc/meeting-tray-ipc.ts';
import { createScreenRequests } from '../ipc/screen-requests.ts';
import type { IpcSender } from '../ipc/sender-check.ts';
import type { HarnessServer } from './harness-server.ts';

/** The web contents id the harness reports for its one page, as Electron's would be. */
export const HARNESS_WEB_CONTENTS_ID = 1;

/** The Origin header plays the role of Electron's senderFrame.url; the page is a main frame. */
export function harnessSender(origin: string): IpcSender {
  return { frameUrl: origin, isMainFrame: true, webContentsId: HARNESS_WEB_CONTENTS_ID };
}

export function serveIpcOnHarness(
  harness: Pick<HarnessServer, 'serveIpc'>,
  server: IpcServer,
): () => void {
  return harness.serveIpc({
    invoke: (channel, origin, args) => server.invoke(channel, harnessSender(origin), args),
    openStream(push) {
      // A new page gets the state at once, as Electron's renderer gets it with getSession.
      push(Channel.sessionChanged, server.currentState());
      push(Channel.displayChanged, server.currentDisplay());
      push(Channel.fathomChanged, server.currentFathom());
      return server.subscribe(push);
    },
  });
}

/** The harness's whole IPC wiring, as installIpc is the app's. Returns its clean-up. */
export function installHarnessIpc(deps: {
  harness: HarnessServer;
  session: SessionService;
  settings: SettingsService;
  display: DisplaySource;
  /** Fathom's connection: its handlers, and its state pushed to the page. */
  fathom?: FathomConnection;
  /** The harness's join (app link or browser, as the app decides); the page by default. */
  openJoinLink?: (url: string) => Promise<void>;
  logger: Logger;
}): () => void {
  const { harness } = deps;
  const server = createMeetingTrayIpc({
    session: deps.session,
    settings: deps.settings,
    // The harness has no tray, so nothing asks the page for a screen.
    screens: createScreenRequests(),
    display: deps.display,
    openExternal: deps.openJoinLink ?? ((url) => harness.openInPage(url)),
    isAllowedExternalUrl: (url) => allowedExternalUrl(url) !== null,
    ...(deps.fathom && { fathom: deps.fathom }),
    isAllowedFathomUrl: (url) => allowedFathomUrl(url) !== null,
    writeClipboard: (text) => harness.copyInPage(text),
    trustedOrigin: harness.origin,
    trustedWebContentsIds: () => [HARNESS_WEB_CONTENTS_ID],
    logger: deps.logger,
  });
  return serveIpcOnHarness(harness, server);
}
