// The composition root, read as a table of contents: each install…() wires one desktop feature
// (main/desktop/<feature>/install-*.ts) from Electron's modules and the core, in start-up order,
// and registers its own clean-up on `teardown`, which runs once on quit, newest first.
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  session as electronSession,
  shell,
  Tray,
} from 'electron';
import { builtInConfigPath, readBuiltInConfig } from './app/built-in-config-file.ts';
import { createAppCore } from './app/create-app-core.ts';
import { installAppProtocol } from './desktop/app-protocol/install-app-protocol.ts';
import { registerAppSchemeAsPrivileged } from './desktop/app-protocol/electron-app-protocol.ts';
import { installShellCoordinator } from './desktop/coordinator/install-shell-coordinator.ts';
import { createDeepLinkInbox } from './desktop/deep-links/deep-link-inbox.ts';
import {
  deliverSignInCallbacks,
  installDeepLinks,
} from './desktop/deep-links/install-deep-links.ts';
import { installIpc } from './desktop/ipc/install-ipc.ts';
import { launchedAtLogin } from './desktop/launch-at-login/autostart-entry.ts';
import { installLaunchAtLogin } from './desktop/launch-at-login/install-launch-at-login.ts';
import { appPaths } from './desktop/lifecycle/app-paths.ts';
import { installLifecycle } from './desktop/lifecycle/install-lifecycle.ts';
import { createTeardown } from './desktop/lifecycle/teardown.ts';
import { installLogging } from './desktop/logging/install-logging.ts';
import { installNetwork } from './desktop/network/install-network.ts';
import { installPresence } from './desktop/presence/install-presence.ts';
import { installReminders } from './desktop/reminders/install-reminders.ts';
import {
  createJoinOpener,
  createSignInPageOpener,
} from './desktop/security/electron-external-openers.ts';
import { installSecurity } from './desktop/security/install-security.ts';
import { installSettings } from './desktop/settings/install-settings.ts';
import { installSingleInstance } from './desktop/single-instance/install-single-instance.ts';
import { installTray } from './desktop/tray/install-tray.ts';
import { installWake } from './desktop/wake/install-wake.ts';
import { installMainWindow } from './desktop/window/install-window.ts';
import { createScreenRequests } from './ipc/screen-requests.ts';
import { createSystemClock } from './node/system-clock.ts';

const { env, platform } = process;
// The log file first, so everything after it logs there (README: "Logs").
const logging = installLogging({ app, shell });
const { logger } = logging;
const teardown = createTeardown(logger);
const context = { platform, clock: createSystemClock(), logger, teardown };
// From the main bundle's own folder (dist/main, wherever it is), not from how Electron was started.
const paths = appPaths(import.meta.dirname, {
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
});
// Meetings, the tray, notifications and the page may open allow-listed Zoom links only.
const openJoinLink = createJoinOpener(shell);

// --- before ready: the app:// scheme, one instance, deep links ------------------------------
registerAppSchemeAsPrivileged(protocol);
const inbox = createDeepLinkInbox();
const mainWindow = installMainWindow({ ...context, app, BrowserWindow, paths });
const showWindow = () => mainWindow.show();
if (!installSingleInstance({ ...context, app, showWindow, deepLinks: inbox })) app.quit();
else {
  installDeepLinks({ ...context, app, launch: process, inbox });
  installLifecycle({ ...context, app, dialog, start });
}

// --- once ready, each after what it needs ----------------------------------------------------
async function start(): Promise<void> {
  installSecurity({ ...context, app, session: electronSession.defaultSession, openJoinLink });
  installAppProtocol({ protocol, rendererDir: paths.renderer });
  const settings = installSettings({ ipcMain });
  const wake = installWake({ ...context, powerMonitor, net });
  const openBrowser = createSignInPageOpener(shell);
  // The bundle's own folder (dist/main; __dirname once bundled): the package puts app-config.json there.
  const builtIn = readBuiltInConfig(builtInConfigPath(import.meta.dirname));
  const core = await createAppCore({
    ...context,
    env,
    builtIn,
    settings,
    openBrowser,
    wake,
    // The demo sandbox keeps its grants in the app's data folder, beside the settings.
    dataDir: app.getPath('userData'),
    // Zoom calls go over Chromium's network stack: the system proxy and certificate store.
    fetch: installNetwork({ session: electronSession }),
  });
  deliverSignInCallbacks(inbox, core.auth, logger);
  const { session } = core;
  const writeClipboard = (text: string) => clipboard.writeText(text);
  const screens = createScreenRequests();
  const openSettings = () => {
    showWindow();
    screens.request('settings');
  };
  installIpc({
    ...context,
    ipcMain,
    session,
    settings: core.settings,
    screens,
    window: mainWindow,
    openExternal: openJoinLink,
    writeClipboard,
    openLogsFolder: logging.openFolder,
  });
  const reminders = installReminders({
    ...context,
    Notification,
    settings,
    openJoinLink,
    showWindow,
  });
  installLaunchAtLogin({ ...context, app, dialog, process, settings, session });
  const tray = installTray({
    ...context,
    app,
    Tray,
    Menu,
    nativeImage,
    nativeTheme,
    dialog,
    paths,
    session,
    reminders,
    showWindow,
    openSettings,
    openJoinLink,
    // Playwright cannot see native trays: under MEETING_TRAY_E2E=1 the spec reads what it shows.
    exposeLastModel: env.MEETING_TRAY_E2E === '1',
  });
  installShellCoordinator({ ...context, core, wake, tray, reminders, window: mainWindow });
  installPresence({ ...context, powerMonitor, core });
  await session.start();
  if (!launchedAtLogin(process.argv)) mainWindow.show();
}
