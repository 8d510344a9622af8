// Meeting Tray's IPC server as both transports build it: the handler table over the session,
// and a sender check that trusts one origin's main frame in the web contents the transport names.
import type { FathomConnection } from '../core/fathom/fathom-connection.ts';
import type { Logger } from '../core/ports.ts';
import type { SessionService } from '../core/session/session-service.ts';
import type { SettingsService } from '../core/settings/settings-service.ts';
import { createIpcHandlers, type FathomHandlersPort, type IpcHandlerDeps } from './ipc-handlers.ts';
import { createIpcServer, type DisplaySource, type IpcServer } from './ipc-server.ts';
import type { ScreenRequests } from './screen-requests.ts';
import { createSenderCheck } from './sender-check.ts';

export interface MeetingTrayIpcDeps extends IpcHandlerDeps {
  session: IpcHandlerDeps['session'] & Pick<SessionService, 'subscribe'>;
  settings: IpcHandlerDeps['settings'] & Pick<SettingsService, 'subscribe'>;
  screens: IpcHandlerDeps['screens'] & Pick<ScreenRequests, 'subscribe'>;
  display: DisplaySource;
  fathom?: FathomHandlersPort & Pick<FathomConnection, 'subscribe'>;
  /** The page's origin: `app://renderer` in Electron, `http://127.0.0.1:<port>` in the harness. */
  trustedOrigin: string;
  /** The web contents allowed to call, asked on every call because windows come and go. */
  trustedWebContentsIds: () => readonly number[];
  logger: Logger;
}

export function createMeetingTrayIpc(deps: MeetingTrayIpcDeps): IpcServer {
  return createIpcServer({
    handlers: createIpcHandlers(deps),
    isTrustedSender: createSenderCheck({
      allowedOrigins: [deps.trustedOrigin],
      allowedWebContentsIds: deps.trustedWebContentsIds,
    }),
    session: deps.session,
    settings: deps.settings,
    screens: deps.screens,
    display: deps.display,
    ...(deps.fathom && { fathom: deps.fathom }),
    ...(deps.isAllowedFathomUrl && { isAllowedFathomUrl: deps.isAllowedFathomUrl }),
    logger: deps.logger,
  });
}
