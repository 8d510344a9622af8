// The main-side implementation of every invoke channel, free of Electron so it runs under Node.
import {
  Channel,
  type InvokeChannel,
  type InvokeMap,
  type Result,
} from '../../preload/contract.ts';
import { AppError, ok, toFailure } from '../core/errors.ts';
import type { SessionService } from '../core/session/session-service.ts';
import { expectNoArgs, expectOneString, invalidArgument } from './arg-guards.ts';
import type { DisplaySource } from './ipc-server.ts';
import { toRendererDisplay, toRendererState } from './renderer-state.ts';

export type Failure = Extract<Result<never>, { ok: false }>;

/**
 * One handler per channel. Each takes the raw argument list and never throws: a bad argument
 * or any error comes back as `{ ok: false, code, message }` (for getSession too).
 */
export type IpcHandlers = {
  [K in InvokeChannel]: (args: unknown) => Promise<InvokeMap[K]['result'] | Failure>;
};

export interface IpcHandlerDeps {
  session: Pick<
    SessionService,
    'getState' | 'signIn' | 'cancelSignIn' | 'reopenSignInPage' | 'signOut' | 'refresh'
  >;
  openExternal: (url: string) => Promise<void>;
  /** The shell's allowlist (https Zoom join links); checked before the browser ever sees a URL. */
  isAllowedExternalUrl: (url: string) => boolean;
  /** Electron's clipboard answers with a promise; a failed write is reported, not dropped. */
  writeClipboard: (text: string) => void | Promise<void>;
  /** Main's minute, zone, locale and display choices, for a window that opens between pushes. */
  display: Pick<DisplaySource, 'getState'>;
}

export const MAX_URL_LENGTH = 2048;
export const MAX_CLIPBOARD_TEXT_LENGTH = 4096;

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { session } = deps;
  return {
    [Channel.getSession]: (args) =>
      settle(() => {
        expectNoArgs(args);
        return toRendererState(session.getState());
      }),
    [Channel.signIn]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        return ok(await session.signIn());
      }),
    [Channel.cancelSignIn]: (args) =>
      settle(() => {
        expectNoArgs(args);
        return ok(session.cancelSignIn());
      }),
    [Channel.reopenSignInPage]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        return ok(await session.reopenSignInPage());
      }),
    [Channel.signOut]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        const { serverRevoked } = await session.signOut();
        return ok({ serverRevoked });
      }),
    [Channel.refreshMeetings]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        return ok(await session.refresh());
      }),
    [Channel.openJoinUrl]: (args) =>
      settle(async () => {
        const url = expectOneString(args, MAX_URL_LENGTH);
        if (!deps.isAllowedExternalUrl(url)) throw invalidArgument('not an allowed link');
        try {
          await deps.openExternal(url);
        } catch (error) {
          throw new AppError(
            'browser_open_failed',
            'Your browser could not be opened. Copy the link and open it yourself.',
            { cause: error },
          );
        }
        return ok(undefined);
      }),
    [Channel.copyText]: (args) =>
      settle(async () => {
        const text = expectOneString(args, MAX_CLIPBOARD_TEXT_LENGTH);
        await deps.writeClipboard(text);
        return ok(undefined);
      }),
    [Channel.getDisplay]: (args) =>
      settle(() => {
        expectNoArgs(args);
        return toRendererDisplay(deps.display.getState());
      }),
  };
}

/** Runs a handler body so that nothing it throws crosses IPC as an exception. */
async function settle<T>(body: () => T | Promise<T>): Promise<T | Failure> {
  try {
    return await body();
  } catch (error) {
    return toFailure(error);
  }
}
