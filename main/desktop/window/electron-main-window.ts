import type { BrowserWindow } from 'electron';
import type { Clock, Logger } from '../../core/ports.ts';
import { APP_START_URL } from '../app-protocol/app-protocol.ts';
import { createHiddenWindowReaper } from './hidden-window-reaper.ts';
import { mainWindowOptions } from './electron-window-options.ts';

export interface MainWindow {
  /** Creates the window if it was destroyed, then shows and focuses it. */
  show(): void;
  /** Pushes to the renderer if a window exists; a destroyed window simply misses it. */
  send(channel: string, payload: unknown): void;
  /** The live window, or null while it does not exist. */
  current(): BrowserWindow | null;
  /** Lets the next close really close (quitting). */
  allowClose(): void;
  dispose(): void;
}

/**
 * Owns the one BrowserWindow: created on demand, hidden (not closed) by the close button, and
 * destroyed after it has stayed hidden for a while so an idle tray app keeps no renderer.
 */
export function createMainWindow(deps: {
  BrowserWindow: typeof BrowserWindow;
  preloadPath: string;
  iconPath?: string;
  clock: Clock;
  logger: Logger;
  startUrl?: string;
  hiddenLifetimeMs?: number;
}): MainWindow {
  let window: BrowserWindow | null = null;
  let quitting = false;
  const reaper = createHiddenWindowReaper({
    clock: deps.clock,
    lifetimeMs: deps.hiddenLifetimeMs,
    destroyWindow: () => {
      if (window && !window.isDestroyed() && !window.isVisible()) {
        deps.logger.info('destroying the hidden window to free memory');
        window.destroy();
      }
    },
  });

  const create = (): BrowserWindow => {
    const created = new deps.BrowserWindow(
      mainWindowOptions({ preloadPath: deps.preloadPath, iconPath: deps.iconPath }),
    );
    created.once('ready-to-show', () => created.show());
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    created.on('hide', () => reaper.windowHidden());
    created.on('show', () => reaper.windowShown());
    created.on('closed', () => {
      if (window === created) window = null;
      reaper.windowShown();
    });
    void created.loadURL(deps.startUrl ?? APP_START_URL).catch((error: unknown) => {
      deps.logger.error('the window could not load the app', { error: String(error) });
    });
    return created;
  };

  return {
    show() {
      if (!window || window.isDestroyed()) {
        window = create();
        return;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    send(channel, payload) {
      if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
    },
    current: () => (window && !window.isDestroyed() ? window : null),
    allowClose() {
      quitting = true;
    },
    dispose() {
      reaper.dispose();
    },
  };
}
