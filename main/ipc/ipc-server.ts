// The one IPC door. Electron's transport (ipcMain + webContents.send) and the browser harness's
// (HTTP + server-sent events) are thin layers over this server, so what the tests prove here is
// what the app runs.
import {
  Channel,
  INVOKE_CHANNELS,
  type DisplayState,
  type FathomState,
  type InvokeChannel,
  type PushChannel,
  type PushMap,
  type SessionState,
} from '../../preload/contract.ts';
import { toFailure } from '../core/errors.ts';
import type { FathomConnection } from '../core/fathom/fathom-connection.ts';
import type { Logger } from '../core/ports.ts';
import type { SessionService } from '../core/session/session-service.ts';
import type { SettingsService } from '../core/settings/settings-service.ts';
import { toRendererFathomState } from './fathom-state.ts';
import type { Failure, IpcHandlers } from './ipc-handlers.ts';
import { toRendererDisplay, toRendererState } from './renderer-state.ts';
import type { ScreenRequests } from './screen-requests.ts';
import type { IpcSender } from './sender-check.ts';
import { toSettingsView } from './settings-view.ts';

/** One push: a push-only channel and what it carries. */
export type PushMessage = { [C in PushChannel]: [channel: C, payload: PushMap[C]] }[PushChannel];

/** Delivers one push to the renderer: webContents.send, or the harness's event stream. */
export type StatePush = (...message: PushMessage) => void;

/** Main's minute, zone, locale and display choices (main/desktop/coordinator/display-source.ts). */
export interface DisplaySource {
  getState(): DisplayState;
  subscribe(listener: (display: DisplayState) => void): () => void;
}

export interface IpcServer {
  /**
   * Answers one invoke and never throws: an untrusted sender, an unknown channel, a bad argument
   * and a failing handler all come back as `{ ok: false, code, message }`. `sender` is null when
   * the transport cannot tell who sent the call (in Electron: the frame is already gone).
   */
  invoke(channel: unknown, sender: IpcSender | null, args: unknown): Promise<unknown>;
  /**
   * Pushes every session state and settings view through their gates (toRendererState,
   * toSettingsView), each screen request, and every display change (each minute, a new zone, a
   * changed choice) through toRendererDisplay; returns a stop function.
   */
  subscribe(push: StatePush): () => void;
  /** The state as the renderer may see it, for a transport that opens a new stream. */
  currentState(): SessionState;
  /** The display as the renderer may see it, for a transport that opens a new stream. */
  currentDisplay(): DisplayState;
  /** Fathom's state as the renderer may see it, for a transport that opens a new stream. */
  currentFathom(): FathomState;
}

export interface IpcServerDeps {
  handlers: IpcHandlers;
  isTrustedSender: (sender: IpcSender) => boolean;
  session: Pick<SessionService, 'getState' | 'subscribe'>;
  settings: Pick<SettingsService, 'subscribe'>;
  screens: Pick<ScreenRequests, 'subscribe'>;
  display: DisplaySource;
  /** Fathom's connection (absent: never connected), pushed through toRendererFathomState. */
  fathom?: Pick<FathomConnection, 'getState' | 'subscribe'>;
  /** The allow-list for Fathom's links: a link it refuses goes out empty. */
  isAllowedFathomUrl?: (url: string) => boolean;
  logger: Logger;
}

const NOT_CONNECTED: FathomState = { kind: 'not-connected', reason: null, removeAppHint: false };

const UNTRUSTED_SENDER: Failure = {
  ok: false,
  code: 'untrusted_sender',
  message: 'This window is not allowed to talk to Meeting Tray.',
};
const UNKNOWN_CHANNEL: Failure = {
  ok: false,
  code: 'invalid_argument',
  message: 'Meeting Tray does not know this request. Restart the app if this keeps happening.',
};

export function createIpcServer({
  handlers,
  isTrustedSender,
  session,
  settings,
  screens,
  display,
  fathom,
  isAllowedFathomUrl = () => false,
  logger,
}: IpcServerDeps): IpcServer {
  const fathomForRenderer = (state: FathomState) =>
    toRendererFathomState(state, isAllowedFathomUrl);
  return {
    async invoke(channel, sender, args) {
      // The sender is checked first, so an untrusted frame learns nothing about our channels.
      if (!isSenderTrusted(isTrustedSender, sender)) {
        logger.warn('refused an IPC call from an untrusted sender', {
          channel: String(channel).slice(0, 64),
        });
        return UNTRUSTED_SENDER;
      }
      if (!isInvokeChannel(channel)) return UNKNOWN_CHANNEL;
      try {
        return await handlers[channel](args);
      } catch (error) {
        // Handlers already settle their errors; this is the last guard, not the plan.
        return toFailure(error);
      }
    },
    subscribe(push) {
      const stops = [
        session.subscribe((state) => push(Channel.sessionChanged, toRendererState(state))),
        settings.subscribe((view) => push(Channel.settingsChanged, toSettingsView(view))),
        screens.subscribe(() => push(Channel.screenRequested, null)),
        display.subscribe((next) => push(Channel.displayChanged, toRendererDisplay(next))),
        fathom?.subscribe((state) => push(Channel.fathomChanged, fathomForRenderer(state))) ??
          (() => undefined),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
    currentState: () => toRendererState(session.getState()),
    currentDisplay: () => toRendererDisplay(display.getState()),
    currentFathom: () => fathomForRenderer(fathom?.getState() ?? NOT_CONNECTED),
  };
}

function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return INVOKE_CHANNELS.some((known) => known === channel);
}

function isSenderTrusted(
  check: (sender: IpcSender) => boolean,
  sender: IpcSender | null,
): sender is IpcSender {
  try {
    return typeof sender === 'object' && sender !== null && check(sender);
  } catch {
    return false;
  }
}
