// The Electron binding of the one IPC door (main/ipc/ipc-server.ts): ipcMain.handle for each
// contract channel in, webContents.send out. It decides nothing itself.
import type { WebContents, WebFrameMain } from 'electron';
import { INVOKE_CHANNELS } from '../../../preload/contract.ts';
import type { IpcServer } from '../../ipc/ipc-server.ts';
import type { IpcSender } from '../../ipc/sender-check.ts';

/** What the transport reads from an IpcMainInvokeEvent: who sent the call, from which frame. */
export interface InvokeEvent {
  sender: Pick<WebContents, 'id'> & { mainFrame: Pick<WebFrameMain, 'url'> };
  senderFrame: Pick<WebFrameMain, 'url'> | null;
}

/** The members of ipcMain the transport uses, with the event narrowed to what it reads. */
export interface InvokeRegistry {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** The main window as the transport sees it: the page to push to, if one exists right now. */
export interface LiveWindow {
  current(): { webContents: Pick<WebContents, 'id' | 'send'> } | null;
}

export function describeSender(event: InvokeEvent): IpcSender | null {
  const frame = event.senderFrame;
  if (!frame) return null; // the frame navigated away or was destroyed before we looked
  return {
    frameUrl: frame.url,
    isMainFrame: frame === event.sender.mainFrame,
    webContentsId: event.sender.id,
  };
}

/** Answers every contract channel (and no other) through the server; returns the removal. */
export function serveIpcOnElectron(
  ipcMain: InvokeRegistry,
  server: Pick<IpcServer, 'invoke'>,
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) =>
      server.invoke(channel, describeSender(event), args),
    );
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Pushes every state to the live window; a window created later asks with getSession. */
export function publishToWindow(
  server: Pick<IpcServer, 'subscribe'>,
  window: LiveWindow,
): () => void {
  return server.subscribe((channel, state) => window.current()?.webContents.send(channel, state));
}
