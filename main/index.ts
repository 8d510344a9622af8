// The composition root, read as a table of contents: each install…() wires one desktop feature
// (main/desktop/<feature>/install-*.ts) from Electron's modules and the core, in start-up order,
// and registers its own clean-up on `teardown`, which runs once on quit, newest first.
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
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
import { installAppProtocol } from './desktop/app-protocol/install-app-protocol.ts';
import { registerAppSchemeAsPrivileged } from './desktop/app-protocol/electron-app-protocol.ts';
import { installAppCore } from './desktop/core/install-app-core.ts';
import { readJoinChoice } from './desktop/coordinator/display-source.ts';
import { installShellCoordinator } from './desktop/coordinator/install-shell-coordinator.ts';
import { installTimeDisplay } from './desktop/coordinator/install-time-display.ts';
import { createDeepLinkInbox } from './desktop/deep-links/deep-link-inbox.ts';
import { installDeepLinks } from './desktop/deep-links/install-deep-links.ts';
import { installIpc } from './desktop/ipc/install-ipc.ts';
import { launchedAtLogin } from './desktop/launch-at-login/autostart-entry.ts';
import { installLaunchAtLogin } from './desktop/launch-at-login/install-launch-at-login.ts';
import { appPaths } from './desktop/lifecycle/app-paths.ts';
import { installLifecycle } from './desktop/lifecycle/install-lifecycle.ts';
import { createTeardown } from './desktop/lifecycle/teardown.ts';
import { installLogging } from './desktop/logging/install-logging.ts';
import { installPresence } from './desktop/presence/install-presence.ts';
import { installReminders } from './desktop/reminders/install-reminders.ts';
import {
  createJoinOpener,
  createSignInPageOpener,
} from './desktop/security/electron-external-openers.ts';
import { installSecurity } from './desktop/security/install-security.ts';
import { installSettings } from './desktop/settings/install-settings.ts';
import { createJoinNextInbox, wantsJoinNext } from './desktop/shortcut/join-next-argv.ts';
import { installShortcut } from './desktop/shortcut/install-shortcut.ts';
import { installSingleInstance } from './desktop/single-instance/install-single-instance.ts';
import { installTray } from './desktop/tray/install-tray.ts';
import { installWake } from './desktop/wake/install-wake.ts';
import { installMainWindow } from './desktop/window/install-window.ts';
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

// --- before ready: the app:// scheme, one instance, deep links ------------------------------
registerAppSchemeAsPrivileged(protocol);
const inbox = createDeepLinkInbox();
// `meeting-tray --join-next`: from this launch, or handed over by a later one.
const joinNext = createJoinNextInbox();
if (wantsJoinNext(process.argv)) joinNext.request();
const mainWindow = installMainWindow({ ...context, app, BrowserWindow, paths });
const showWindow = () => mainWindow.show();
if (!installSingleInstance({ ...context, app, showWindow, deepLinks: inbox, joinNext })) app.quit();
else {
  installDeepLinks({ ...context, app, launch: process, inbox });
  installLifecycle({ ...context, app, dialog, start });
}

// --- once ready, each after what it needs ----------------------------------------------------
async function start(): Promise<void> {
  const settings = installSettings({ ipcMain });
  // Meetings, the tray, notifications and the page may open allow-listed Zoom links only: in
  // the Zoom app when it is installed and the person has not chosen the browser (`joinIn`).
  const joinIn = () => readJoinChoice(settings);
  const openJoinLink = createJoinOpener({ shell, app, joinIn, logger });
  installSecurity({ ...context, app, session: electronSession.defaultSession, openJoinLink });
  installAppProtocol({ protocol, rendererDir: paths.renderer });
  const wake = installWake({ ...context, powerMonitor, net });
  const openBrowser = createSignInPageOpener(shell);
  const bundleDir = import.meta.dirname;
  const preferencesHost = {
    launchAtLogin: true,
    macKeys: platform === 'darwin',
    menuBarTitle: platform === 'darwin' ? ('here' as const) : ('hidden' as const),
  };
  const appCoreDeps = {
    ...{ env, app, session: electronSession, settings, openBrowser, wake, inbox },
    preferencesHost,
  };
  const core = await installAppCore({ ...context, ...appCoreDeps, bundleDir });
  const { session, preferences } = core;
  const timeDeps = { app, settings, preferences, minuteTicks: core.minuteTicks };
  const time = installTimeDisplay({ ...context, ...timeDeps });
  const { showScreen } = installIpc({
    ...context,
    ipcMain,
    session,
    settings: core.settings,
    fathom: core.fathom,
    display: time.display,
    window: mainWindow,
    showWindow,
    openExternal: openJoinLink,
    writeClipboard: (text) => clipboard.writeText(text),
    openLogsFolder: logging.openFolder,
  });
  const { timeStyle } = time;
  const zone = time.zone;
  const reminderDeps = { Notification, settings, preferences, openJoinLink, showWindow, timeStyle };
  const reminders = installReminders({ ...context, ...reminderDeps, timeZone: zone.current });
  void installLaunchAtLogin({ ...context, app, dialog, process, settings, session, preferences });
  const tray = installTray({
    ...context,
    ...{ app, Tray, Menu, nativeImage, nativeTheme, dialog, paths, settings, session },
    ...{ reminders, showWindow, openJoinLink, openSettings: () => showScreen('settings') },
    // Playwright cannot see native trays: under MEETING_TRAY_E2E=1 the spec reads what it shows.
    exposeLastModel: env.MEETING_TRAY_E2E === '1',
  });
  const coordinatorDeps = { core, wake, tray, reminders, window: mainWindow, zone, timeStyle };
  installShellCoordinator({ ...context, ...coordinatorDeps, preferences });
  installPresence({ ...context, powerMonitor, core });
  await session.start();
  const joinDeps = { globalShortcut, preferences, settings, session, openJoinLink, showWindow };
  installShortcut({ ...context, ...joinDeps, joinNextRequests: joinNext });
  await core.fathom.start();
  if (!launchedAtLogin(process.argv) && !wantsJoinNext(process.argv)) mainWindow.show();
}
