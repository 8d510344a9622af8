// Wires the one IPC door to Electron: the app's page in the main window may call the session's
// handlers over ipcMain, and every session state is pushed to that window.
import type { Logger } from '../../core/ports.ts';
import type { SessionService } from '../../core/session/session-service.ts';
import type { SettingsService } from '../../core/settings/settings-service.ts';
import { createMeetingTrayIpc } from '../../ipc/meeting-tray-ipc.ts';
import type { ScreenRequests } from '../../ipc/screen-requests.ts';
import { APP_ORIGIN } from '../app-protocol/app-protocol.ts';
import type { Teardown } from '../lifecycle/teardown.ts';
import { allowedExternalUrl } from '../security/external-url-policy.ts';
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
  /** Screens main asks the window to show (the tray's "Settings…"). */
  screens: ScreenRequests;
  /** The main window. */
  window: LiveWindow;
  /** The allow-listed join opener. */
  openExternal: (url: string) => Promise<void>;
  writeClipboard: (text: string) => void | Promise<void>;
  /** Settings' "Open logs folder" (installLogging's opener); the composition root passes it. */
  openLogsFolder?: () => Promise<void>;
  logger: Logger;
  teardown: Teardown;
}): void {
  const server = createMeetingTrayIpc({
    session: deps.session,
    settings: deps.settings,
    screens: deps.screens,
    openExternal: deps.openExternal,
    isAllowedExternalUrl: (url) => allowedExternalUrl(url) !== null,
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
}
