import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { Clock, Logger } from '../../core/ports.ts';
import { APP_START_URL } from '../app-protocol/app-protocol.ts';
import { createHiddenWindowReaper } from './hidden-window-reaper.ts';
import { mainWindowOptions } from './electron-window-options.ts';

/** The members of Electron's BrowserWindow the main window uses. */
export interface AppWindow extends Pick<
  BrowserWindow,
  | 'loadURL'
  | 'show'
  | 'hide'
  | 'focus'
  | 'isVisible'
  | 'isDestroyed'
  | 'isMinimized'
  | 'restore'
  | 'destroy'
> {
  readonly webContents: Pick<WebContents, 'id' | 'send'>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'hide', listener: () => void): unknown;
  on(event: 'show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export interface MainWindow {
  /** Creates the window if it was destroyed, then shows and focuses it. */
  show(): void;
  /** The live window, or null while it does not exist (the IPC door pushes state to it). */
  current(): AppWindow | null;
  /** Lets the next close really close (quitting). */
  allowClose(): void;
  /** Tells `listener` whenever the window is shown or hidden (the session refreshes more often while it is open). */
  onVisibilityChange(listener: (visible: boolean) => void): () => void;
  dispose(): void;
}

/**
 * Owns the one BrowserWindow: created on demand, hidden (not closed) by the close button, and
 * destroyed after it has stayed hidden for a while so an idle tray app keeps no renderer.
 */
export function createMainWindow(deps: {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => AppWindow;
  preloadPath: string;
  iconPath?: string;
  clock: Clock;
  logger: Logger;
  startUrl?: string;
  hiddenLifetimeMs?: number;
}): MainWindow {
  let window: AppWindow | null = null;
  let quitting = false;
  const visibilityListeners = new Set<(visible: boolean) => void>();
  const visibilityChanged = (visible: boolean) => {
    for (const listener of [...visibilityListeners]) listener(visible);
  };
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

  const create = (): AppWindow => {
    const created = new deps.BrowserWindow(
      mainWindowOptions({ preloadPath: deps.preloadPath, iconPath: deps.iconPath }),
    );
    created.once('ready-to-show', () => created.show());
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    created.on('hide', () => {
      reaper.windowHidden();
      visibilityChanged(false);
    });
    created.on('show', () => {
      reaper.windowShown();
      visibilityChanged(true);
    });
    created.on('closed', () => {
      if (window === created) window = null;
      reaper.windowShown();
      visibilityChanged(false);
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
    current: () => (window && !window.isDestroyed() ? window : null),
    allowClose() {
      quitting = true;
    },
    onVisibilityChange(listener) {
      const entry = (visible: boolean) => listener(visible);
      visibilityListeners.add(entry);
      return () => visibilityListeners.delete(entry);
    },
    dispose() {
      reaper.dispose();
    },
  };
}
