import { EventEmitter } from 'node:events';
import type { IpcMain } from 'electron';
import type {
  InvokeEvent,
  InvokeRegistry,
} from '../../../main/desktop/ipc/electron-ipc-transport.ts';
import { FakeFrame, type FakeWebContents } from './web-contents.ts';

type InvokeListener = Parameters<InvokeRegistry['handle']>[1];

/** Where a call comes from: a page's main frame, one of its subframes, or a frame already gone. */
export interface InvokeOrigin {
  sender: FakeWebContents;
  subframeUrl?: string;
  frameGone?: boolean;
}

export class FakeIpcMain
  extends EventEmitter
  implements InvokeRegistry, Pick<IpcMain, 'removeHandler'>
{
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener) {
    // Electron throws on a second handler for a channel too.
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Calls a handler as ipcRenderer.invoke from `from` would. */
  invoke(channel: string, from: InvokeOrigin, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    const event: InvokeEvent = {
      sender: from.sender,
      senderFrame: from.frameGone
        ? null
        : from.subframeUrl === undefined
          ? from.sender.mainFrame
          : new FakeFrame(from.subframeUrl),
    };
    return listener(event, ...args);
  }
}
