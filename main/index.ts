// The composition root: the one place that imports Electron's singletons and wires them into
// the factories of main/core, main/ipc and main/desktop. Everything else receives
// what it needs as parameters, so it runs (and is tested) under plain Node.
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
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
  clipboard,
} from 'electron';
import ElectronStoreImport from 'electron-store';
import { Channel } from '../preload/contract.ts';
import { keychainServiceName, loadAuthConfig } from './core/config/load-auth-config.ts';
import type { AuthProviderConfig } from './core/config/auth-config.types.ts';
import { sandboxProviderConfig } from './core/config/sandbox-provider.ts';
import { isAppError } from './core/errors.ts';
import { createMeetingTrayCore } from './core/meeting-tray-core.ts';
import { createChunkedSecretStore } from './core/secrets/chunked-secret-store.ts';
import {
  createAppProtocolHandler,
  handleAppProtocol,
  registerAppSchemeAsPrivileged,
} from './desktop/app-protocol/electron-app-protocol.ts';
import { registerDeepLinks, routeArgv } from './desktop/deep-links/electron-deep-links.ts';
import {
  createJoinOpener,
  createSignInPageOpener,
} from './desktop/security/electron-external-openers.ts';
import { registerIpcHandlers } from './desktop/ipc/electron-ipc-transport.ts';
import { createLaunchAtLogin } from './desktop/launch-at-login/electron-launch-at-login.ts';
import { createMainWindow } from './desktop/window/electron-main-window.ts';
import { createReminderNotifier } from './desktop/reminders/electron-reminder-notifier.ts';
import { applyPermissionPolicy } from './desktop/security/electron-session-permissions.ts';
import { createSettingsStore } from './desktop/settings/electron-settings-store.ts';
import { claimSingleInstance } from './desktop/single-instance/electron-single-instance.ts';
import { createTrayController } from './desktop/tray/electron-tray.ts';
import { createTraySignOut } from './desktop/tray/electron-tray-sign-out.ts';
import { createWakeEvents } from './desktop/wake/electron-wake-events.ts';
import { hardenAllWebContents } from './desktop/security/electron-web-contents-hardening.ts';
import { createIpcHandlers } from './ipc/ipc-handlers.ts';
import { toRendererState } from './ipc/renderer-state.ts';
import { createSenderCheck } from './ipc/sender-check.ts';
import { createConsoleLogger } from './node/console-logger.ts';
import { createKeyringSecretStore } from './node/keyring-secret-store.ts';
import { createSystemClock } from './node/system-clock.ts';
import { startZoomSandbox, type ZoomSandbox } from './sandbox/index.ts';
import { APP_ORIGIN } from './desktop/app-protocol/app-protocol.ts';
import { autostartFilePath, HIDDEN_LAUNCH_ARG } from './desktop/launch-at-login/autostart-entry.ts';
import { createDeepLinkInbox } from './desktop/deep-links/deep-link-inbox.ts';
import { protocolClientRegistration } from './desktop/deep-links/deep-link-argv.ts';
import { allowedExternalUrl } from './desktop/security/external-url-policy.ts';
import { createLaunchAtLoginOffer } from './desktop/launch-at-login/launch-at-login-offer.ts';
import { createReminderScheduler } from './desktop/reminders/reminder-scheduler.ts';
import { createShellCoordinator } from './desktop/coordinator/shell-coordinator.ts';
import { createTrayActionHandler } from './desktop/tray/tray-actions.ts';
import { trayIconFileName } from './desktop/tray/tray-icon.ts';
import { buildTrayModel } from './desktop/tray/tray-model.ts';

// electron-store is ESM-only; the CJS main bundle require()s it and, under Node's require(esm),
// the bundler's interop hands back the module namespace rather than the class. Unwrap either shape.
const ElectronStore =
  (ElectronStoreImport as unknown as { default?: typeof ElectronStoreImport }).default ??
  ElectronStoreImport;

const logger = createConsoleLogger();
const clock = createSystemClock();
const platform = process.platform;
const appRoot = app.getAppPath();
const assetsDir = app.isPackaged ? join(process.resourcesPath, 'assets') : join(appRoot, 'assets');
const startHidden = process.argv.includes(HIDDEN_LAUNCH_ARG);
const openJoinLink = createJoinOpener(shell);

// --- before ready: scheme privileges, single instance, deep links ------------------------
registerAppSchemeAsPrivileged(protocol);
const inbox = createDeepLinkInbox();
const mainWindow = createMainWindow({
  BrowserWindow,
  preloadPath: join(appRoot, 'dist/preload/index.cjs'),
  iconPath: join(assetsDir, platform === 'win32' ? 'icon.ico' : 'icon.png'),
  clock,
  logger,
});

if (
  !claimSingleInstance(app, (argv) => {
    // A second launch means "show me the app"; before ready no window can exist yet.
    if (app.isReady()) mainWindow.show();
    routeArgv(argv, inbox, logger);
  })
) {
  app.quit();
} else {
  registerDeepLinks({
    app,
    registration: protocolClientRegistration({
      defaultApp: process.defaultApp === true,
      execPath: process.execPath,
      entryScript: process.argv[1],
      platform,
      resolvePath: (path) => resolve(path),
    }),
    argv: process.argv,
    inbox,
    logger,
  });
  hardenAllWebContents(app, { openExternal: openJoinLink, logger });
  // A tray app keeps running with no window (the hidden one is destroyed after a while).
  app.on('window-all-closed', () => undefined);
  if (platform === 'win32') app.setAppUserModelId('app.meetingtray.desktop');
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('Meeting Tray could not start', { error: String(error) });
      dialog.showErrorBox(
        'Meeting Tray could not start',
        'Something went wrong while starting. Quit and open Meeting Tray again.',
      );
      app.exit(1);
    });
}

async function start(): Promise<void> {
  applyPermissionPolicy(electronSession.defaultSession);
  handleAppProtocol(
    protocol,
    createAppProtocolHandler({ rootDir: join(appRoot, 'dist/renderer'), readFile }),
  );

  let config;
  try {
    config = loadAuthConfig(process.env);
  } catch (error) {
    dialog.showErrorBox(
      'Meeting Tray is misconfigured',
      isAppError(error) ? error.message : String(error),
    );
    app.exit(2);
    return;
  }
  // No Zoom client id configured: demo mode against the in-process Zoom sandbox.
  let sandbox: ZoomSandbox | null = null;
  let provider: AuthProviderConfig;
  if (config.demo) {
    sandbox = await startZoomSandbox();
    provider = sandboxProviderConfig({
      url: sandbox.url,
      apiBaseUrl: sandbox.apiBaseUrl,
      clientId: sandbox.clients.public.clientId,
    });
  } else {
    provider = config.provider;
  }

  const settings = createSettingsStore(new ElectronStore({ name: 'settings' }));
  // electron-store registers a sync IPC channel for renderer-side stores; our renderer has none,
  // and every channel main answers must be in the contract's allow-list, so it goes.
  ipcMain.removeAllListeners('electron-store-get-data');
  const wake = createWakeEvents({ powerMonitor, net, clock });
  const core = createMeetingTrayCore({
    provider,
    demo: config.demo,
    secrets: createChunkedSecretStore(
      createKeyringSecretStore({ service: keychainServiceName(process.env) }),
    ),
    settings,
    clock,
    fetch: globalThis.fetch,
    openBrowser: createSignInPageOpener(shell),
    wake,
    logger,
  });
  inbox.open((url) => {
    if (!core.auth.handleDeepLink(url))
      logger.warn('a meetingtray:// link did not match a sign-in in progress');
  });

  const disposeIpc = registerIpcHandlers({
    ipcMain,
    handlers: createIpcHandlers({
      session: core.session,
      openExternal: openJoinLink,
      isAllowedExternalUrl: (url) => allowedExternalUrl(url) !== null,
      writeClipboard: (text) => clipboard.writeText(text),
    }),
    isTrustedSender: createSenderCheck({
      allowedOrigins: [APP_ORIGIN],
      allowedWebContentsIds: () => {
        const live = mainWindow.current();
        return live ? [live.webContents.id] : [];
      },
    }),
    logger,
  });

  const reminders = createReminderScheduler({
    clock,
    settings,
    notify: createReminderNotifier({
      Notification,
      platform,
      join: openJoinLink,
      showWindow: () => mainWindow.show(),
      logger,
    }),
  });
  const launchAtLogin = createLaunchAtLogin({
    app,
    platform,
    executable: process.env.APPIMAGE ?? process.execPath,
    autostartPath: autostartFilePath(process.env, homedir()),
    files: {
      writeFile: (path, content) => writeFile(path, content, 'utf8'),
      removeFile: (path) => rm(path, { force: true }),
      exists: (path) =>
        access(path).then(
          () => true,
          () => false,
        ),
      makeDir: (path) => mkdir(path, { recursive: true }).then(() => undefined),
    },
  });
  const offer = createLaunchAtLoginOffer({
    settings,
    ask: async () =>
      (
        await dialog.showMessageBox({
          type: 'question',
          buttons: ['Start at login', 'Not now'],
          defaultId: 0,
          cancelId: 1,
          message: 'Start Meeting Tray when you log in?',
          detail:
            'Your next meeting will be in the tray as soon as you log in. You can change this later in your system settings.',
        })
      ).response === 0,
    enable: () => launchAtLogin.setEnabled(true),
    onError: (error) => logger.warn('could not turn on launch at login', { error: String(error) }),
  });

  const trayImage = () => {
    const image = nativeImage.createFromPath(
      join(assetsDir, trayIconFileName(platform, nativeTheme.shouldUseDarkColors)),
    );
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  };
  let coordinator: ReturnType<typeof createShellCoordinator> | null = null;
  const tray = createTrayController({
    Tray,
    Menu,
    image: trayImage(),
    platform,
    onAction: createTrayActionHandler({
      showWindow: () => mainWindow.show(),
      join: openJoinLink,
      signIn: () => core.session.signIn(),
      signOut: createTraySignOut({ dialog, signOut: () => core.session.signOut() }),
      refresh: () => core.session.refresh(),
      setReminderLead: (lead) => {
        reminders.setLead(lead);
        coordinator?.renderTray();
      },
      quit: () => app.quit(),
      logger,
    }),
  });
  nativeTheme.on('updated', () => tray.setIcon(trayImage()));

  coordinator = createShellCoordinator({
    clock,
    session: core.session,
    wake,
    renderTray: (model) => tray.render(model),
    publishState: (state) => mainWindow.send(Channel.sessionChanged, toRendererState(state)),
    reminders,
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    onState: (state) => {
      if (state.kind === 'signed-in' && state.offline) wake.watchForOnline();
      void offer.onSession(state);
    },
  });
  coordinator.start();
  if (process.env.MEETING_TRAY_E2E === '1')
    exposeForEndToEndTests(() => buildTrayModel(core.session.getState(), clock.now()));

  app.on('before-quit', () => {
    mainWindow.allowClose();
    coordinator?.stop();
    disposeIpc();
    wake.dispose();
    core.session.dispose();
    tray.dispose();
    mainWindow.dispose();
    void Promise.allSettled([core.auth.dispose(), sandbox?.close()]);
  });

  await core.session.start();
  if (!startHidden) mainWindow.show();
}

/** Playwright cannot see native trays; with MEETING_TRAY_E2E=1 the tray model is readable from main. */
function exposeForEndToEndTests(model: () => unknown): void {
  Object.assign(globalThis, { __meetingTrayE2E: { trayModel: model } });
}
