// `npm run web`: the browser harness. It builds the same main-process core as the Electron app
// (main/app/create-app-core.ts) and serves the built renderer with the web preload over the one
// IPC door, so a developer (or Playwright) can use the real UI in any browser. Configuration is
// the app's: ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET, ZOOM_OAUTH_BASE, ZOOM_API_BASE,
// MEETING_TRAY_REDIRECT, MEETING_TRAY_KEYCHAIN_SERVICE, plus MEETING_TRAY_DATA_DIR for
// non-secret state and MEETING_TRAY_APP_CONFIG for a built-in configuration file (an installed
// app reads app-config.json next to its main bundle; the harness only reads one it is given).
// For the end-to-end specs: MEETING_TRAY_E2E=1 (test mode: joined links are recorded, not
// opened, and /__test/ routes answer), MEETING_TRAY_HARNESS_ZOOM_APP (missing | installed |
// fails), MEETING_TRAY_HARNESS_CLOCK_OFFSET_MS (main's clock runs that far ahead of real
// time, and test mode can move it on) and MEETING_TRAY_HARNESS_TAKEN_SHORTCUT (an accelerator
// "another app" holds). Launch at login is the Linux autostart entry, written inside the data
// folder (never the real ~/.config/autostart).
import { resolve } from 'node:path';
import { readBuiltInConfig } from '../app/built-in-config-file.ts';
import { isConfigError } from '../app/config-error.ts';
import { createAppCore } from '../app/create-app-core.ts';
import { createDisplaySource, readJoinChoice } from '../desktop/coordinator/display-source.ts';
import { AUTOSTART_FILE_NAME } from '../desktop/launch-at-login/autostart-entry.ts';
import { createAutostartFiles } from '../desktop/launch-at-login/autostart-files.ts';
import { createLinuxAutostart } from '../desktop/launch-at-login/electron-launch-at-login.ts';
import { createLaunchAtLoginPreference } from '../desktop/launch-at-login/launch-at-login-preference.ts';
import { createTeardown } from '../desktop/lifecycle/teardown.ts';
import { storedPreference } from '../desktop/settings/preferences.ts';
import { createJoinNext } from '../desktop/shortcut/join-next.ts';
import { createJoinNextShortcut } from '../desktop/shortcut/shortcut-model.ts';
import { createConsoleLogger } from '../node/console-logger.ts';
import { createJsonFileSettingsStore } from '../node/json-file-settings-store.ts';
import { createSystemClock } from '../node/system-clock.ts';
import { createHarnessJoin, parseHarnessZoomApp } from './harness-join.ts';
import { createHarnessShortcuts } from './harness-shortcuts.ts';
import { installHarnessIpc } from './harness-ipc-transport.ts';
import { startHarnessServer } from './harness-server.ts';
import { createShiftableClock } from './shiftable-clock.ts';

const root = resolve(import.meta.dirname, '../..');
const env = process.env;
// Non-secret state: settings, the meetings cache, and the demo sandbox's grants.
const dataDir = resolve(env.MEETING_TRAY_DATA_DIR ?? resolve(root, '.meeting-tray-data'));
const logger = createConsoleLogger();
const teardown = createTeardown(logger);
// Before the URL line: whoever reads it may stop us at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void teardown.run().then(() => process.exit(0)));

const testMode = env.MEETING_TRAY_E2E === '1';
const clockOffset = env.MEETING_TRAY_HARNESS_CLOCK_OFFSET_MS;
const shiftable =
  clockOffset && Number.isFinite(Number(clockOffset))
    ? createShiftableClock(Number(clockOffset))
    : null;
const clock = shiftable ?? createSystemClock();
const settings = createJsonFileSettingsStore(resolve(dataDir, 'settings.json'));
const shortcuts = createHarnessShortcuts(env.MEETING_TRAY_HARNESS_TAKEN_SHORTCUT);
const autostartPath = resolve(dataDir, 'autostart', AUTOSTART_FILE_NAME);

const server = await startHarnessServer({
  rendererDir: resolve(root, 'dist/renderer'),
  webPreloadFile: resolve(root, 'dist/web-preload/web-preload.js'),
  ...(testMode && {
    testRoutes: {
      // Closures: `join` exists by the time a test can call.
      'opened-links': () => join.opened(),
      clock: (body) => {
        const ms = (body as { advanceMs?: unknown } | null)?.advanceMs;
        if (shiftable && typeof ms === 'number') shiftable.advance(ms);
        return { now: clock.now() };
      },
      // A key press on a registered global shortcut (false: those keys are not registered).
      'press-shortcut': (body) => {
        const accelerator = (body as { accelerator?: unknown } | null)?.accelerator;
        return { pressed: typeof accelerator === 'string' && shortcuts.press(accelerator) };
      },
      'desktop-state': async () => ({
        shortcuts: shortcuts.registered(),
        launchAtLogin: await launchAtLogin.isEnabled(),
      }),
    },
  }),
});
teardown.add(() => server.close());

const core = await (async () =>
  createAppCore({
    env,
    builtIn: env.MEETING_TRAY_APP_CONFIG
      ? readBuiltInConfig(resolve(env.MEETING_TRAY_APP_CONFIG))
      : null,
    settings,
    dataDir,
    clock,
    // The page is the harness's only "window": its browser opens links as shell.openExternal would.
    openBrowser: (url) => server.openInPage(url),
    // A browser page has no power events; refreshes come from the minute ticks and the Refresh button.
    wake: { onWake: () => () => {} },
    logger,
    teardown,
    // A browser preview: every section is shown, the menu-bar title with a note that only macOS has it.
    preferencesHost: { launchAtLogin: true, macKeys: false, menuBarTitle: 'preview' },
  }))().catch((error: unknown) => {
  if (!isConfigError(error)) throw error;
  console.error(error.message);
  return process.exit(2);
});
const join = createHarnessJoin({
  zoomApp: parseHarnessZoomApp(env.MEETING_TRAY_HARNESS_ZOOM_APP),
  testMode,
  joinIn: () => readJoinChoice(settings),
  openInPage: (url) => server.openInPage(url),
  logger,
});
// The page is a browser: its own zone and locale (a spec's `timezoneId` and `locale`) apply.
const display = createDisplaySource({
  clock,
  minuteTicks: core.minuteTicks,
  settings,
  system: { timeZone: () => null, locale: () => null, systemHourCycle: () => null },
});
teardown.add(() => display.stop());
teardown.add(core.preferences.subscribe(() => display.changed()));
// The same preference systems the app attaches, over the harness's stand-ins for the OS.
const launchAtLogin = createLinuxAutostart({
  executable: process.execPath,
  autostartPath,
  files: createAutostartFiles(),
});
const launchPreference = createLaunchAtLoginPreference({
  launchAtLogin,
  onRead: () => core.preferences.changed(),
  logger,
});
teardown.add(core.preferences.attach('launchAtLogin', launchPreference));
await launchPreference.refresh();
const joinNext = createJoinNext({
  getState: () => core.session.getState(),
  clock,
  open: join.open,
  showWindow: () => undefined,
  logger,
});
const shortcut = createJoinNextShortcut({
  registry: shortcuts,
  onPress: () => void joinNext(),
  logger,
});
teardown.add(core.preferences.attach('shortcut', shortcut));
teardown.add(() => shortcut.dispose());
try {
  shortcut.apply(storedPreference(settings, 'shortcut'));
} catch {
  core.preferences.changed();
}
teardown.add(
  installHarnessIpc({
    harness: server,
    session: core.session,
    settings: core.settings,
    display,
    fathom: core.fathom,
    openJoinLink: join.open,
    logger,
  }),
);

await core.session.start();
await core.fathom.start();
// The page is the window: it is open while the harness runs, so Fathom lists when it would.
core.fathom.setWindowVisible(true);
if (core.demo)
  console.log(
    'Demo mode: signing in goes to the built-in Zoom sandbox (set ZOOM_CLIENT_ID for real Zoom), and connecting Fathom to the built-in Fathom sandbox.',
  );
console.log(`Meeting Tray harness: open ${server.url}`);
