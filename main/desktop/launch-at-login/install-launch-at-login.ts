import { homedir } from 'node:os';
import type { Dialog } from 'electron';
import type { SettingsStore } from '../../core/ports.ts';
import type { ShellSession } from '../coordinator/shell-coordinator.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import { autostartFilePath } from './autostart-entry.ts';
import { createAutostartFiles } from './autostart-files.ts';
import { createLaunchAtLogin } from './electron-launch-at-login.ts';
import { createLaunchAtLoginOffer } from './launch-at-login-offer.ts';
import { createLaunchAtLoginPreference } from './launch-at-login-preference.ts';
import type { Preferences } from '../settings/preferences.ts';

const START_AT_LOGIN = 0;

/**
 * Launch at login through the OS (login items on macOS and Windows, an XDG autostart file on
 * Linux): on or off at any time in Settings, which shows the OS's own state; and offered once,
 * after the first sign-in, when the person has just shown they want the app.
 */
export function installLaunchAtLogin(
  deps: DesktopContext & {
    app: Parameters<typeof createLaunchAtLogin>[0]['app'];
    dialog: Pick<Dialog, 'showMessageBox'>;
    process: Pick<NodeJS.Process, 'env' | 'execPath'>;
    settings: SettingsStore;
    session: Pick<ShellSession, 'subscribe'>;
    preferences: Pick<Preferences, 'attach' | 'changed'>;
  },
): Promise<void> {
  const launchAtLogin = createLaunchAtLogin({
    app: deps.app,
    platform: deps.platform,
    // Run from an AppImage, execPath is inside a temporary mount; the AppImage itself persists.
    executable: deps.process.env.APPIMAGE ?? deps.process.execPath,
    autostartPath: autostartFilePath(deps.process.env, homedir()),
    files: createAutostartFiles(),
  });
  const preference = createLaunchAtLoginPreference({
    launchAtLogin,
    onRead: () => deps.preferences.changed(),
    logger: deps.logger,
  });
  deps.teardown.add(deps.preferences.attach('launchAtLogin', preference));
  const offer = createLaunchAtLoginOffer({
    settings: deps.settings,
    ask: async () => {
      const { response } = await deps.dialog.showMessageBox({
        type: 'question',
        buttons: ['Start at login', 'Not now'],
        defaultId: START_AT_LOGIN,
        cancelId: 1,
        message: 'Start Meeting Tray when you log in?',
        detail:
          'Your next meeting will be in the tray as soon as you log in. You can change this at any time in Settings.',
      });
      return response === START_AT_LOGIN;
    },
    enable: () => preference.apply(true),
    onError: (error) =>
      deps.logger.warn('could not turn on launch at login', { error: String(error) }),
  });
  deps.teardown.add(deps.session.subscribe((state) => void offer.onSession(state)));
  // The OS's state, for the Settings screen (the person may have changed it in system settings).
  return preference.refresh();
}
