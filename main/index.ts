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
import { createAppCore } from './app/create-app-core.ts';
import { installAppProtocol } from './desktop/app-protocol/install-app-protocol.ts';
import { registerAppSchemeAsPrivileged } from './desktop/app-protocol/electron-app-protocol.ts';
import { readJoinChoice } from './desktop/coordinator/display-source.ts';
import { installShellCoordinator } from './desktop/coordinator/install-shell-coordinator.ts';
import { installTimeDisplay } from './desktop/coordinator/install-time-display.ts';
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
import { createConsoleLogger } from './node/console-logger.ts';
import { createSystemClock } from './node/system-clock.ts';

const { env, platform } = process;
const logger = createConsoleLogger();
const teardown = createTeardown(logger);
const context = { platform, clock: createSystemClock(), logger, teardown };
const paths = appPaths(app, process);

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
  const settings = installSettings({ ipcMain });
  // Meetings, the tray, notifications and the page may open allow-listed Zoom links only: in
  // the Zoom app when it is installed and the person has not chosen the browser (`joinIn`).
  const joinIn = () => readJoinChoice(settings);
  const openJoinLink = createJoinOpener({ shell, app, joinIn, logger });
  installSecurity({ ...context, app, session: electronSession.defaultSession, openJoinLink });
  installAppProtocol({ protocol, rendererDir: paths.renderer });
  const wake = installWake({ ...context, powerMonitor, net });
  const openBrowser = createSignInPageOpener(shell);
  const core = await createAppCore({ ...context, env, settings, openBrowser, wake });
  deliverSignInCallbacks(inbox, core.auth, logger);
  const { session } = core;
  const time = installTimeDisplay({ ...context, app, settings, minuteTicks: core.minuteTicks });
  const writeClipboard = (text: string) => clipboard.writeText(text);
  installIpc({
    ...context,
    ipcMain,
    session,
    display: time.display,
    window: mainWindow,
    openExternal: openJoinLink,
    writeClipboard,
  });
  const reminders = installReminders({
    ...context,
    Notification,
    settings,
    openJoinLink,
    showWindow,
    timeZone: time.zone.current,
    timeStyle: time.timeStyle,
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
    settings,
    session,
    reminders,
    showWindow,
    openJoinLink,
    // Playwright cannot see native trays: under MEETING_TRAY_E2E=1 the spec reads what it shows.
    exposeLastModel: env.MEETING_TRAY_E2E === '1',
  });
  installShellCoordinator({
    ...context,
    core,
    wake,
    tray,
    reminders,
    window: mainWindow,
    zone: time.zone,
  });
  await session.start();
  if (!launchedAtLogin(process.argv)) mainWindow.show();
}
