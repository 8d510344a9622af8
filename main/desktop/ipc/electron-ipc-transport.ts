import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { Channel, type InvokeChannel } from '../../../preload/contract.ts';
import { AppError, toFailure } from '../../core/errors.ts';
import type { Logger } from '../../core/ports.ts';

/** Who sent an invoke, reduced to what the trust check needs. */
export interface IpcSender {
  frameUrl: string;
  isMainFrame: boolean;
  webContentsId: number;
}

export type IpcHandlerTable = Partial<Record<InvokeChannel, (args: unknown[]) => Promise<unknown>>>;

/** Every channel the renderer may invoke: the contract's channels minus the push-only one. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(Channel).filter(
  (channel): channel is InvokeChannel => channel !== Channel.sessionChanged,
);

export function describeSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
): IpcSender | null {
  const frame = event.senderFrame;
  if (!frame) return null; // the frame navigated away or was destroyed before we looked
  return {
    frameUrl: frame.url,
    isMainFrame: frame === event.sender.mainFrame,
    webContentsId: event.sender.id,
  };
}

/**
 * Puts the handler table on ipcMain. Only contract channels are registered, and each call is
 * checked against `isTrustedSender` before the handler sees its arguments, so a subframe or a
 * page that somehow loaded a foreign URL gets `untrusted_sender` and nothing else.
 * Returns a function that removes every handler again.
 */
export function registerIpcHandlers(deps: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: IpcHandlerTable;
  isTrustedSender: (sender: IpcSender) => boolean;
  logger: Logger;
}): () => void {
  const registered: InvokeChannel[] = [];
  for (const channel of INVOKE_CHANNELS) {
    const handler = deps.handlers[channel];
    if (!handler) continue;
    deps.ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const sender = describeSender(event);
      if (!sender || !deps.isTrustedSender(sender)) {
        deps.logger.warn('refused an IPC call from an untrusted sender', { channel });
        return toFailure(
          new AppError(
            'untrusted_sender',
            'This request did not come from the Meeting Tray window.',
          ),
        );
      }
      return handler(args);
    });
    registered.push(channel);
  }
  return () => {
    for (const channel of registered) deps.ipcMain.removeHandler(channel);
  };
}
