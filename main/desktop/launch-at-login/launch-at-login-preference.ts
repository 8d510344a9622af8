/**
 * Launch at login as a Settings preference, on or off at any time. What the screen shows is the
 * system's own answer (login items on macOS and Windows, the autostart file on Linux) as last
 * read — so a change made in the system's settings shows up after the next read — and a change
 * the system refuses comes back as `launch_at_login_failed`.
 */
import { AppError } from '../../core/errors.ts';
import type { Logger } from '../../core/ports.ts';
import type { PreferenceSystem } from '../settings/preferences.ts';
import type { LaunchAtLogin } from './electron-launch-at-login.ts';

export interface LaunchAtLoginPreference extends PreferenceSystem<boolean> {
  apply(enabled: boolean): Promise<void>;
  /** Reads the system's state again; `onRead` follows when it changed. */
  refresh(): Promise<void>;
}

export function createLaunchAtLoginPreference(deps: {
  launchAtLogin: LaunchAtLogin;
  /** The state read back differs from what was shown (the Settings view is pushed again). */
  onRead: () => void;
  logger: Logger;
}): LaunchAtLoginPreference {
  let known: boolean | undefined;
  const refresh = async () => {
    try {
      const now = await deps.launchAtLogin.isEnabled();
      if (now !== known) {
        known = now;
        deps.onRead();
      }
    } catch (error) {
      deps.logger.warn('could not read launch at login', { error: String(error) });
    }
  };
  return {
    async apply(enabled) {
      try {
        await deps.launchAtLogin.setEnabled(enabled);
      } catch (error) {
        await refresh();
        throw new AppError(
          'launch_at_login_failed',
          `The system did not ${enabled ? 'add' : 'remove'} Meeting Tray as a login item.`,
          { cause: error },
        );
      }
      await refresh();
    },
    current: () => known,
    refresh,
  };
}
