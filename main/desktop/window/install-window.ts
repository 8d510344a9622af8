import { join } from 'node:path';
import type { AppPaths } from '../lifecycle/app-paths.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import { createMainWindow, type MainWindow } from './electron-main-window.ts';

type WindowClass = Parameters<typeof createMainWindow>[0]['BrowserWindow'];

/** Windows wants ICO for the taskbar; macOS ignores the option; Linux takes the PNG. */
export function windowIconFileName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'icon.ico' : 'icon.png';
}

/**
 * The one window, created on demand. Its close button only hides it, so quitting must let it
 * close: that happens on `before-quit` itself, before Electron closes windows, not in the
 * teardown (which may run after an await).
 */
export function installMainWindow(
  deps: DesktopContext & {
    app: { on(event: 'before-quit', listener: () => void): unknown };
    BrowserWindow: WindowClass;
    paths: Pick<AppPaths, 'preload' | 'assets'>;
  },
): MainWindow {
  const window = createMainWindow({
    BrowserWindow: deps.BrowserWindow,
    preloadPath: deps.paths.preload,
    iconPath: join(deps.paths.assets, windowIconFileName(deps.platform)),
    clock: deps.clock,
    logger: deps.logger,
  });
  deps.app.on('before-quit', () => window.allowClose());
  deps.teardown.add(() => window.dispose());
  return window;
}
