// The one door every invoke goes through: sender check, channel lookup, then the handler.
import { Channel, type InvokeChannel } from '../../preload/contract.ts';
import { toFailure } from '../core/errors.ts';
import type { Logger } from '../core/ports.ts';
import type { IpcHandlers } from './ipc-handlers.ts';
import type { SenderInfo } from './sender-check.ts';

export type InvokeDispatcher = (
  channel: string,
  sender: SenderInfo,
  args: unknown,
) => Promise<unknown>;

export interface InvokeDispatcherDeps {
  handlers: IpcHandlers;
  isTrustedSender: (sender: SenderInfo) => boolean;
  logger?: Logger;
}

const INVOKE_CHANNELS: ReadonlySet<string> = new Set(
  Object.values(Channel).filter((channel) => channel !== Channel.sessionChanged),
);

function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && INVOKE_CHANNELS.has(channel);
}

export function createInvokeDispatcher({
  handlers,
  isTrustedSender,
  logger,
}: InvokeDispatcherDeps): InvokeDispatcher {
  return async (channel, sender, args) => {
    // The sender is checked first, so an untrusted frame learns nothing about our channels.
    if (!isSenderTrusted(isTrustedSender, sender)) {
      logger?.warn('ipc call from an untrusted sender refused', {
        channel: String(channel).slice(0, 64),
      });
      return {
        ok: false,
        code: 'untrusted_sender',
        message: 'This window is not allowed to talk to Meeting Tray.',
      };
    }
    if (!isInvokeChannel(channel)) {
      return {
        ok: false,
        code: 'invalid_argument',
        message:
          'Meeting Tray does not know this request. Restart the app if this keeps happening.',
      };
    }
    try {
      return await handlers[channel](args);
    } catch (error) {
      // Handlers already settle their errors; this is the last guard, not the plan.
      return toFailure(error);
    }
  };
}

function isSenderTrusted(check: (sender: SenderInfo) => boolean, sender: SenderInfo): boolean {
  try {
    return typeof sender === 'object' && sender !== null && check(sender);
  } catch {
    return false;
  }
}
