import { describe, expect, it } from 'vitest';
import { launchedAtLogin } from '../../../../main/desktop/launch-at-login/autostart-entry.ts';
import { installLaunchAtLogin } from '../../../../main/desktop/launch-at-login/install-launch-at-login.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { ShellSetting } from '../../../../main/desktop/settings/settings-keys.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createFakeSessionService } from '../../../fakes/fake-session-service.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { signedIn } from '../meeting-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function setup(platform: NodeJS.Platform) {
  const { app, dialog } = createFakeElectron();
  const session = createFakeSessionService();
  const settings = createMemorySettingsStore();
  const logger = createRecordingLogger();
  const teardown = createTeardown(logger);
  installLaunchAtLogin({
    platform,
    clock: createFakeClock(),
    logger,
    teardown,
    app,
    dialog,
    process: { env: {}, execPath: '/Applications/Meeting Tray.app/Contents/MacOS/Meeting Tray' },
    settings,
    session: session.service,
  });
  return { app, dialog, session, settings, teardown };
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

describe('launchedAtLogin', () => {
  it('is true only for the hidden-start argument the login entry passes', () => {
    expect(launchedAtLogin(['/opt/mt/meeting-tray', '--hidden'])).toBe(true);
    expect(launchedAtLogin(['/opt/mt/meeting-tray'])).toBe(false);
    expect(launchedAtLogin(['/opt/mt/meeting-tray', '--hidden=no'])).toBe(false);
  });
});
