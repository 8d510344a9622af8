import type { App, Dialog } from 'electron';
import { isConfigError } from '../../app/config-error.ts';
import type { DesktopContext } from './desktop-context.ts';
import type { TeardownRunner } from './teardown.ts';

/** Windows groups notifications and taskbar entries by this id; it must match electron-builder's appId. */
export const APP_USER_MODEL_ID = 'app.meetingtray.desktop';

/**
 * The app's life: it runs `start` once Electron is ready, keeps running with no window (a tray
 * app; the hidden window is destroyed after a while), and runs every installer's clean-up once
 * on quit. A failed start is explained in a dialog, then the app exits: 2 when the
 * configuration is wrong (the message names the variable), 1 for anything else.
 */
export function installLifecycle(
  deps: Pick<DesktopContext, 'platform' | 'logger'> & {
    app: Pick<App, 'whenReady' | 'exit' | 'setAppUserModelId' | 'quit'> & {
      on(event: 'window-all-closed', listener: () => void): unknown;
      on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
      quit(): void;
    };
    dialog: Pick<Dialog, 'showErrorBox'>;
    /** The runner, not just the registry: quitting runs it. */
    teardown: TeardownRunner;
    start: () => Promise<void>;
  },
): void {
  const { app, dialog, logger } = deps;
  app.on('window-all-closed', () => undefined);
  if (deps.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Quitting waits for the clean-up (bounded by each step, e.g. the core's 5 s drain), because
  // exiting between Zoom's rotation and the keychain commit would lose the session.
  let cleanedUp = false;
  app.on('before-quit', (event) => {
    if (cleanedUp) return;
    event.preventDefault();
    void deps.teardown.run().then(() => {
      cleanedUp = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(() => deps.start())
    .catch((error: unknown) => {
      if (isConfigError(error)) {
        logger.error('Meeting Tray is misconfigured', { error: error.message });
        dialog.showErrorBox('Meeting Tray is misconfigured', error.message);
        app.exit(2);
        return;
      }
      logger.error('Meeting Tray could not start', { error: String(error) });
      dialog.showErrorBox(
        'Meeting Tray could not start',
        'Something went wrong while starting. Quit and open Meeting Tray again.',
      );
      app.exit(1);
    });
}
