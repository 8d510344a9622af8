import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors.ts';
import {
  APP_USER_MODEL_ID,
  installLifecycle,
} from '../../../../main/desktop/lifecycle/install-lifecycle.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createFakeElectron, fakeEvent } from '../../../fakes/fake-electron.ts';
import { createRecordingLogger } from '../test-logger.ts';

const settle = () => new Promise((resolve) => setImmediate(resolve));

function setup(start: () => Promise<void>, platform: NodeJS.Platform = 'linux') {
  const { app, dialog } = createFakeElectron();
  const logger = createRecordingLogger();
  const teardown = createTeardown(logger);
  const cleaned: string[] = [];
  teardown.add(() => void cleaned.push('cleaned'));
  installLifecycle({ app, dialog, platform, logger, teardown, start });
  /** Electron finishes launching; resolves once start() and its failure handling have run. */
  const launch = async () => {
    app.finishLaunching();
    await settle();
  };
  return { app, dialog, logger, teardown, cleaned, launch };
}

describe('installLifecycle', () => {
  it('starts only once Electron is ready, and stays running with no window', async () => {
    let started = 0;
    const { app, launch } = setup(async () => void (started += 1));
    await settle();
    expect(started).toBe(0);
    await launch();
    expect(started).toBe(1);
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(0);
    expect(app.exitCodes).toEqual([]);
  });

  it('runs every clean-up once on quit', async () => {
    const { app, cleaned, launch } = setup(async () => undefined);
    await launch();
    app.emit('before-quit', fakeEvent());
    app.emit('before-quit', fakeEvent());
    await settle();
    expect(cleaned).toEqual(['cleaned']);
  });

  it('holds the quit until the clean-up has finished (a refresh must reach the keychain), then quits', async () => {
    const { app, teardown, launch } = setup(async () => undefined);
    let finishDrain = () => {};
    teardown.add(() => new Promise<void>((resolve) => (finishDrain = resolve)));
    await launch();
    const first = fakeEvent();
    app.emit('before-quit', first);
    await settle();
    expect(first.defaultPrevented).toBe(true);
    expect(app.quitCalls).toBe(0);
    finishDrain();
    await settle();
    expect(app.quitCalls).toBe(1);
    // Electron's own quit then emits before-quit again: this time it goes through.
    const second = fakeEvent();
    app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(false);
  });

  it('explains a configuration error and exits with 2', async () => {
    const message = 'ZOOM_CLIENT_ID contains unexpected characters.';
    const { app, dialog, launch } = setup(async () => {
      throw new AppError('config_invalid', message);
    });
    await launch();
    expect(dialog.errorBoxes).toEqual([
      { title: 'Meeting Tray is misconfigured', content: message },
    ]);
    expect(app.exitCodes).toEqual([2]);
  });

  it('says any other start failure plainly, logs it, and exits with 1', async () => {
    const { app, dialog, logger, launch } = setup(async () => {
      throw new Error('keyring exploded');
    });
    await launch();
    expect(dialog.errorBoxes).toEqual([
      {
        title: 'Meeting Tray could not start',
        content: 'Something went wrong while starting. Quit and open Meeting Tray again.',
      },
    ]);
    expect(logger.lines).toContainEqual({
      level: 'error',
      message: 'Meeting Tray could not start',
      fields: { error: 'Error: keyring exploded' },
    });
    expect(app.exitCodes).toEqual([1]);
  });

  it('names the app for Windows notifications, and only on Windows', () => {
    expect(setup(async () => undefined, 'win32').app.appUserModelId).toBe(APP_USER_MODEL_ID);
    expect(setup(async () => undefined, 'darwin').app.appUserModelId).toBeNull();
  });
});
