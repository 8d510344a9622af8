import type { App } from 'electron';
import { buildAutostartDesktopEntry, HIDDEN_LAUNCH_ARG } from './autostart-entry.ts';

export interface LaunchAtLogin {
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

export interface AutostartFiles {
  writeFile(path: string, content: string): Promise<void>;
  removeFile(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  makeDir(path: string): Promise<void>;
}

/**
 * macOS and Windows use the OS login-item API; Linux uses an XDG autostart entry. On Linux the
 * executable is the AppImage itself when run from one (process.execPath is inside a temporary mount).
 */
export function createLaunchAtLogin(deps: {
  app: Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>;
  platform: NodeJS.Platform;
  executable: string;
  autostartPath: string;
  files: AutostartFiles;
}): LaunchAtLogin {
  if (deps.platform === 'linux') return createLinuxAutostart(deps);
  const args = deps.platform === 'win32' ? [HIDDEN_LAUNCH_ARG] : [];
  return {
    isEnabled: async () =>
      deps.app.getLoginItemSettings(args.length ? { args } : undefined).openAtLogin,
    async setEnabled(enabled) {
      deps.app.setLoginItemSettings({ openAtLogin: enabled, ...(args.length ? { args } : {}) });
    },
  };
}

/** Linux: an XDG autostart entry (no Electron API involved; the harness uses it too). */
export function createLinuxAutostart(deps: {
  executable: string;
  autostartPath: string;
  files: AutostartFiles;
}): LaunchAtLogin {
  return {
    isEnabled: () => deps.files.exists(deps.autostartPath),
    async setEnabled(enabled) {
      if (!enabled) {
        await deps.files.removeFile(deps.autostartPath);
        return;
      }
      await deps.files.makeDir(deps.autostartPath.slice(0, deps.autostartPath.lastIndexOf('/')));
      await deps.files.writeFile(
        deps.autostartPath,
        buildAutostartDesktopEntry({ name: 'Meeting Tray', executable: deps.executable }),
      );
    },
  };
}
