// The main-side implementation of every invoke channel, free of Electron so it runs under Node.
import {
  Channel,
  type InvokeChannel,
  type InvokeMap,
  type Result,
} from '../../preload/contract.ts';
import { AppError, ok, toFailure } from '../core/errors.ts';
import type { FathomConnection } from '../core/fathom/fathom-connection.ts';
import type { SessionService } from '../core/session/session-service.ts';
import type { SettingsService } from '../core/settings/settings-service.ts';
import { expectNoArgs, expectOneString, invalidArgument } from './arg-guards.ts';
import { expectApiKey, expectFathomOAuthInput, expectRecordingId } from './fathom-guard.ts';
import { toRendererFathomState } from './fathom-state.ts';
import type { DisplaySource } from './ipc-server.ts';
import { toRendererDisplay, toRendererState } from './renderer-state.ts';
import { expectPreferenceChange } from './preference-guard.ts';
import type { ScreenRequests } from './screen-requests.ts';
import { toSettingsView, toTestResult } from './settings-view.ts';
import { expectZoomAccountInput } from './zoom-account-guard.ts';

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
  settings: Pick<
    SettingsService,
    | 'view'
    | 'saveZoomAccount'
    | 'testZoomAccount'
    | 'resetZoomAccount'
    | 'setPreference'
    | 'saveFathomOAuth'
  >;
  /** Fathom's connection; absent in hosts that do not connect Fathom (it then says so). */
  fathom?: FathomHandlersPort;
  /** The allow-list for Fathom's links (https on fathom.video and its subdomains). */
  isAllowedFathomUrl?: (url: string) => boolean;
  screens: Pick<ScreenRequests, 'take'>;
  /**
   * Opens the folder holding the app's log file (shell.openPath in Electron); rejects when it
   * cannot. Absent where there is no log file: the browser harness logs to its terminal.
   */
  openLogsFolder?: () => Promise<void>;
  /** Main's minute, zone, locale and display choices, for a window that opens between pushes. */
  display: Pick<DisplaySource, 'getState'>;
}

export type FathomHandlersPort = Pick<
  FathomConnection,
  | 'getState'
  | 'connectOAuth'
  | 'cancelConnect'
  | 'reopenConnectPage'
  | 'connectApiKey'
  | 'disconnect'
  | 'refresh'
  | 'loadSummary'
>;

/** What a host without Fathom answers. */
const NO_FATHOM = (): never => {
  throw new AppError('config_invalid', 'This copy of Meeting Tray does not connect Fathom.');
};

export const MAX_URL_LENGTH = 2048;
export const MAX_CLIPBOARD_TEXT_LENGTH = 4096;

export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlers {
  const { session, settings } = deps;
  const isFathomLink = deps.isAllowedFathomUrl ?? (() => false);
  const fathom = (): FathomHandlersPort => deps.fathom ?? NO_FATHOM();
  /** Opens one link the page asked for, once `allowed` admits it; a browser that fails is said so. */
  const openLink = (args: unknown, allowed: (url: string) => boolean, refusal: string) =>
    settle(async () => {
      const url = expectOneString(args, MAX_URL_LENGTH);
      if (!allowed(url)) throw invalidArgument(refusal);
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
    });
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
      openLink(args, deps.isAllowedExternalUrl, 'not an allowed link'),
    [Channel.copyText]: (args) =>
      settle(async () => {
        const text = expectOneString(args, MAX_CLIPBOARD_TEXT_LENGTH);
        await deps.writeClipboard(text);
        return ok(undefined);
      }),
    [Channel.getSettings]: (args) =>
      settle(() => {
        expectNoArgs(args);
        return ok(toSettingsView(settings.view()));
      }),
    [Channel.saveZoomAccount]: (args) =>
      settle(async () => {
        const input = expectZoomAccountInput(args);
        return ok(toSettingsView(await settings.saveZoomAccount(input)));
      }),
    [Channel.testZoomAccount]: (args) =>
      settle(async () => {
        const input = expectZoomAccountInput(args);
        return ok(toTestResult(await settings.testZoomAccount(input)));
      }),
    [Channel.resetZoomAccount]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        return ok(toSettingsView(await settings.resetZoomAccount()));
      }),
    [Channel.setPreference]: (args) =>
      settle(async () => {
        const change = expectPreferenceChange(args);
        return ok(toSettingsView(await settings.setPreference(change)));
      }),
    [Channel.takeScreenRequest]: (args) =>
      settle(() => {
        expectNoArgs(args);
        return ok(deps.screens.take());
      }),
    [Channel.openLogsFolder]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        try {
          if (!deps.openLogsFolder) throw new Error('this host writes no log file');
          await deps.openLogsFolder();
        } catch (error) {
          throw new AppError(
            'logs_folder_unavailable',
            'The logs folder could not be opened. The README says where it is on your system.',
            { cause: error },
          );
        }
        return ok(undefined);
      }),
    [Channel.getDisplay]: (args) =>
      settle(() => {
        expectNoArgs(args);
        return toRendererDisplay(deps.display.getState());
      }),
    [Channel.getFathom]: (args) =>
      settle(() => {
        expectNoArgs(args);
        const state = deps.fathom?.getState() ?? {
          kind: 'not-connected' as const,
          reason: null,
          removeAppHint: false,
        };
        return toRendererFathomState(state, isFathomLink);
      }),
    [Channel.connectFathomOAuth]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        return ok(await fathom().connectOAuth());
      }),
    [Channel.cancelFathomConnect]: (args) =>
      settle(() => {
        expectNoArgs(args);
        return ok(fathom().cancelConnect());
      }),
    [Channel.reopenFathomConnectPage]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        return ok(await fathom().reopenConnectPage());
      }),
    [Channel.connectFathomApiKey]: (args) =>
      settle(async () => {
        const apiKey = expectApiKey(args);
        // Never echoed back: the result is void, and a failure's message never quotes the key.
        return ok(await fathom().connectApiKey(apiKey));
      }),
    [Channel.disconnectFathom]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        const { removeAppHint } = await fathom().disconnect();
        return ok({ removeAppHint: removeAppHint === true });
      }),
    [Channel.refreshFathom]: (args) =>
      settle(async () => {
        expectNoArgs(args);
        return ok(await fathom().refresh());
      }),
    [Channel.loadFathomSummary]: (args) =>
      settle(async () => {
        const recordingId = expectRecordingId(args);
        return ok(await fathom().loadSummary(recordingId));
      }),
    [Channel.openFathomLink]: (args) => openLink(args, isFathomLink, 'not a Fathom link'),
    [Channel.saveFathomOAuth]: (args) =>
      settle(async () => {
        const input = expectFathomOAuthInput(args);
        return ok(toSettingsView(await settings.saveFathomOAuth(input)));
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
