// Electron's small system modules: dialog, shell, clipboard, net, nativeTheme, powerMonitor.
import { EventEmitter } from 'node:events';
import type {
  BaseWindow,
  Clipboard,
  Dialog,
  MessageBoxOptions,
  MessageBoxReturnValue,
  NativeTheme,
  Net,
  PowerMonitor,
  Shell,
} from 'electron';
import type { PowerEvents } from '../../../main/desktop/wake/electron-wake-events.ts';

export class FakeDialog implements Pick<Dialog, 'showMessageBox' | 'showErrorBox'> {
  readonly messageBoxes: MessageBoxOptions[] = [];
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  /** Which button the person presses; by default the cancel button. */
  answer: (options: MessageBoxOptions) => number = (options) => options.cancelId ?? 0;
  async showMessageBox(
    windowOrOptions: BaseWindow | MessageBoxOptions,
    options?: MessageBoxOptions,
  ): Promise<MessageBoxReturnValue> {
    const shown = options ?? ('message' in windowOrOptions ? windowOrOptions : null);
    if (!shown) throw new Error('showMessageBox without options');
    this.messageBoxes.push(shown);
    return { response: this.answer(shown), checkboxChecked: false };
  }
  showErrorBox(title: string, content: string) {
    this.errorBoxes.push({ title, content });
  }
}

export class FakeShell implements Pick<Shell, 'openExternal' | 'openPath'> {
  readonly opened: string[] = [];
  readonly openedPaths: string[] = [];
  /** What openPath resolves with: '' (opened) or the OS's reason it could not. */
  openPathAnswer = '';
  async openExternal(url: string) {
    this.opened.push(url);
  }
  async openPath(path: string) {
    this.openedPaths.push(path);
    return this.openPathAnswer;
  }
}

/** Electron 45's clipboard is the asynchronous W3C-style one. */
export class FakeClipboard implements Pick<Clipboard, 'writeText' | 'readText'> {
  private text = '';
  async writeText(text: string) {
    this.text = text;
  }
  async readText() {
    return this.text;
  }
}

export class FakeNet implements Pick<Net, 'isOnline'> {
  online: boolean;
  constructor(online: boolean) {
    this.online = online;
  }
  isOnline() {
    return this.online;
  }
}

export class FakeNativeTheme
  extends EventEmitter
  implements Pick<NativeTheme, 'shouldUseDarkColors'>
{
  shouldUseDarkColors = false;
}

/** Events (the wake adapter's slice says which ones it listens to) and the system idle time. */
export class FakePowerMonitor
  extends EventEmitter
  implements PowerEvents, Pick<PowerMonitor, 'getSystemIdleTime'>
{
  /** Seconds since the last keyboard or mouse input, as the test sets it. */
  idleSeconds = 0;
  getSystemIdleTime() {
    return this.idleSeconds;
  }
}
