import { describe, expect, it } from 'vitest';
import { launchedAtLogin } from '../../../../main/desktop/launch-at-login/autostart-entry.ts';
import { installLaunchAtLogin } from '../../../../main/desktop/launch-at-login/install-launch-at-login.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createPreferences } from '../../../../main/desktop/settings/preferences.ts';
import { ShellSetting } from '../../../../main/desktop/settings/settings-keys.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createFakeSessionService } from '../../../fakes/fake-session-service.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { signedIn } from '../meeting-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function setup(
  platform: NodeJS.Platform,
  before?: (app: ReturnType<typeof createFakeElectron>['app']) => void,
) {
  const { app, dialog } = createFakeElectron();
  before?.(app);
  const session = createFakeSessionService();
  const settings = createMemorySettingsStore();
  const logger = createRecordingLogger();
  const teardown = createTeardown(logger);
  const preferences = createPreferences({
    settings,
    host: { launchAtLogin: true, macKeys: platform === 'darwin', menuBarTitle: 'hidden' },
    logger,
  });
  const read = installLaunchAtLogin({
    platform,
    clock: createFakeClock(),
    logger,
    teardown,
    app,
    dialog,
    process: { env: {}, execPath: '/Applications/Meeting Tray.app/Contents/MacOS/Meeting Tray' },
    settings,
    session: session.service,
    preferences,
  });
  return { app, dialog, session, settings, teardown, preferences, read };
}

describe('installLaunchAtLogin', () => {
  it('after the first sign-in, asks once, and turns on the login item when accepted', async () => {
    const { app, dialog, session, settings } = setup('darwin');
    dialog.answer = () => 0;
    session.publish(signedIn([]));
    await settle();
    session.publish(signedIn([]));
    await settle();
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(dialog.messageBoxes[0]).toMatchObject({
      message: 'Start Meeting Tray when you log in?',
      buttons: ['Start at login', 'Not now'],
      cancelId: 1,
    });
    expect(app.loginItem).toEqual({ openAtLogin: true });
    expect(settings.get(ShellSetting.launchAtLoginEnabled)).toBe(true);
  });

  it('leaves the login item alone on "Not now"', async () => {
    const { app, dialog, session } = setup('win32');
    session.publish(signedIn([]));
    await settle();
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(app.loginItem.openAtLogin).toBe(false);
  });

  it('stops listening to the session on quit', async () => {
    const { session, teardown } = setup('darwin');
    expect(session.listenerCount()).toBe(1);
    await teardown.run();
    expect(session.listenerCount()).toBe(0);
  });
});

describe('launch at login in Settings', () => {
  it('turns the login item on and off at any time, and shows what the system says', async () => {
    const { app, preferences, read, settings } = setup('darwin');
    await read;
    expect(preferences.view().launchAtLogin).toBe(false);
    await preferences.set({ key: 'launchAtLogin', value: true });
    expect(app.loginItem.openAtLogin).toBe(true);
    expect(preferences.view().launchAtLogin).toBe(true);
    expect(settings.get(ShellSetting.launchAtLoginEnabled)).toBe(true);
    await preferences.set({ key: 'launchAtLogin', value: false });
    expect(app.loginItem.openAtLogin).toBe(false);
    expect(preferences.view().launchAtLogin).toBe(false);
  });

  it('shows a login item added in system settings, though the app never stored it', async () => {
    const { preferences, read, settings } = setup('win32', (app) => {
      app.loginItem = { openAtLogin: true };
    });
    const announced: unknown[] = [];
    preferences.subscribe((key) => void announced.push(key));
    await read;
    expect(settings.get(ShellSetting.launchAtLoginEnabled)).toBeUndefined();
    expect(preferences.view().launchAtLogin).toBe(true);
    expect(announced).toEqual([null]);
  });

  it('a change the system refuses fails with launch_at_login_failed and shows the real state', async () => {
    const { app, preferences, read } = setup('darwin', (fake) => {
      fake.setLoginItemSettings = () => {
        throw new Error('not allowed by policy');
      };
    });
    await read;
    await expect(preferences.set({ key: 'launchAtLogin', value: true })).rejects.toMatchObject({
      code: 'launch_at_login_failed',
    });
    expect(app.loginItem.openAtLogin).toBe(false);
    expect(preferences.view().launchAtLogin).toBe(false);
  });

  it('the first-run offer still asks once, and Settings then shows it on', async () => {
    const { dialog, session, preferences } = setup('darwin');
    dialog.answer = () => 0;
    session.publish(signedIn([]));
    await settle();
    await settle();
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(preferences.view().launchAtLogin).toBe(true);
  });
});

describe('launchedAtLogin', () => {
  it('is true only for the hidden-start argument the login entry passes', () => {
    expect(launchedAtLogin(['/opt/mt/meeting-tray', '--hidden'])).toBe(true);
    expect(launchedAtLogin(['/opt/mt/meeting-tray'])).toBe(false);
    expect(launchedAtLogin(['/opt/mt/meeting-tray', '--hidden=no'])).toBe(false);
  });
});
