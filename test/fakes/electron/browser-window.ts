import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { AppWindow } from '../../../main/desktop/window/electron-main-window.ts';
import { fakeEvent } from './events.ts';
import type { FakeWebContents } from './web-contents.ts';

/** The main window's slice of BrowserWindow (a Pick of Electron's own type), plus close(). */
export class FakeBrowserWindow
  extends EventEmitter
  implements AppWindow, Pick<BrowserWindow, 'close'>
{
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[] = [];
  visible = false;
  destroyed = false;
  focused = false;
  minimized = false;
  constructor(options: BrowserWindowConstructorOptions, webContents: FakeWebContents) {
    super();
    this.options = options;
    this.webContents = webContents;
  }
  async loadURL(url: string) {
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
  }
  show() {
    if (this.visible) return;
    this.visible = true;
    this.emit('show');
  }
  hide() {
    if (!this.visible) return;
    this.visible = false;
    this.emit('hide');
  }
  focus() {
    this.focused = true;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  /** The close button: emits `close`, and really closes unless a listener prevents it. */
  close() {
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
}
