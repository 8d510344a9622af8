import { createAuthService, type AuthServiceDeps } from './auth/auth-service.ts';
import type { AuthService } from './auth/auth-service.types.ts';
import { createLoopbackListener } from './auth/loopback-listener.ts';
import { createSessionService, type SessionService } from './session/session-service.ts';
import { createZoomApi, type ZoomApi } from './zoom/zoom-api.ts';

/** The auth service's ports plus the demo flag; the loopback listener is built here. */
export type MeetingTrayCoreDeps = Pick<
  AuthServiceDeps,
  'provider' | 'secrets' | 'settings' | 'clock' | 'fetch' | 'openBrowser' | 'wake' | 'logger'
> & { demo: boolean };

export interface MeetingTrayCore {
  auth: AuthService;
  zoom: ZoomApi;
  session: SessionService;
}

/**
 * The main-process services in the one order that works: auth, then the API client that
 * borrows its tokens, then the session that owns what the person sees. The Electron app and
 * the browser harness both call this, so they run the very same core with different ports.
 */
export function createMeetingTrayCore(deps: MeetingTrayCoreDeps): MeetingTrayCore {
  const { clock, logger } = deps;
  const auth = createAuthService({
    provider: deps.provider,
    secrets: deps.secrets,
    settings: deps.settings,
    clock,
    fetch: deps.fetch,
    openBrowser: deps.openBrowser,
    wake: deps.wake,
    logger,
    createLoopbackListener: ({ expectedState }) => createLoopbackListener({ expectedState, clock }),
  });
  const zoom = createZoomApi({ fetch: deps.fetch, auth, clock, logger });
  const session = createSessionService({
    auth,
    zoom,
    settings: deps.settings,
    clock,
    wake: deps.wake,
    logger,
    demo: deps.demo,
  });
  return { auth, zoom, session };
}
