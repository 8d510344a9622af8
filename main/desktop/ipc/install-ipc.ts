// Wires the one IPC door to Electron: the app's page in the main window may call the session's
// handlers over ipcMain, and every session state, settings view, display change and screen
// request is pushed to that window.
import type { FathomConnection } from '../../core/fathom/fathom-connection.ts';
import type { Logger } from '../../core/ports.ts';
import type { SessionService } from '../../core/session/session-service.ts';
import type { SettingsService } from '../../core/settings/settings-service.ts';
import type { DisplaySource } from '../../ipc/ipc-server.ts';
import { createMeetingTrayIpc } from '../../ipc/meeting-tray-ipc.ts';
import { createScreenRequests } from '../../ipc/screen-requests.ts';
import type { ScreenRequest } from '../../../preload/contract.ts';
import { APP_ORIGIN } from '../app-protocol/app-protocol.ts';
import type { Teardown } from '../lifecycle/teardown.ts';
import { allowedExternalUrl, allowedFathomUrl } from '../security/external-url-policy.ts';
import {
  publishToWindow,
  serveIpcOnElectron,
  type InvokeRegistry,
  type LiveWindow,
} from './electron-ipc-transport.ts';

export function installIpc(deps: {
  /** Electron's ipcMain (its `handle` hands over more than the transport reads). */
  ipcMain: InvokeRegistry;
  /** Handlers and state publishing. */
  session: SessionService;
  /** The Settings screen's data and account changes; its view is pushed too. */
  settings: SettingsService;
  /** Brings the main window up, for a screen main asks it to show. */
  showWindow: () => void;
  /** Main's minute, zone, locale and display choices, pushed to the window too. */
  display: DisplaySource;
  /** Fathom's connection: its handlers, and its state pushed to the window. */
  fathom?: FathomConnection;
  /** The main window. */
  window: LiveWindow;
  /** The allow-listed join opener. */
  openExternal: (url: string) => Promise<void>;
  writeClipboard: (text: string) => void | Promise<void>;
  /** Settings' "Open logs folder" (installLogging's opener); the composition root passes it. */
  openLogsFolder?: () => Promise<void>;
  logger: Logger;
  teardown: Teardown;
}): { showScreen(screen: ScreenRequest): void } {
  // Screens main asks the window to show (the tray's "Settings…"), kept until the page takes one.
  const screens = createScreenRequests();
  const server = createMeetingTrayIpc({
    session: deps.session,
    settings: deps.settings,
    screens,
    display: deps.display,
    openExternal: deps.openExternal,
    isAllowedExternalUrl: (url) => allowedExternalUrl(url) !== null,
    ...(deps.fathom && { fathom: deps.fathom }),
    isAllowedFathomUrl: (url) => allowedFathomUrl(url) !== null,
    writeClipboard: deps.writeClipboard,
    ...(deps.openLogsFolder ? { openLogsFolder: deps.openLogsFolder } : {}),
    trustedOrigin: APP_ORIGIN,
    trustedWebContentsIds: () => {
      const live = deps.window.current();
      return live ? [live.webContents.id] : [];
    },
    logger: deps.logger,
  });
  deps.teardown.add(serveIpcOnElectron(deps.ipcMain, server));
  deps.teardown.add(publishToWindow(server, deps.window));
  return {
    showScreen(screen) {
      deps.showWindow();
      screens.request(screen);
    },
  };
}
