import { createAuthService, type AuthServiceDeps } from './auth/auth-service.ts';
import type { AuthService } from './auth/auth-service.types.ts';
import { createLoopbackListener } from './auth/loopback-listener.ts';
import { createGuardedSettings } from './session/guarded-settings.ts';
import { createSessionService, type SessionService } from './session/session-service.ts';
import { createMinuteTicks, type MinuteTicks } from './time/minute-ticker.ts';
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
  /** The app's one minute timer: the tray countdown and reminders can ride it too. */
  minuteTicks: MinuteTicks;
  /**
   * Quit: stops the session, then waits (at most `timeoutMs`) for a token refresh in flight and
   * its keychain commit, so the rotated refresh token is not lost, then disposes the auth core.
   */
  shutdown(timeoutMs: number): Promise<void>;
}

/**
 * The main-process services in the one order that works: auth, then the API client that
 * borrows its tokens, then the session that owns what the person sees. The Electron app and
 * the browser harness both call this, so they run the very same core with different ports.
 */
export function createMeetingTrayCore(deps: MeetingTrayCoreDeps): MeetingTrayCore {
  const { clock, logger } = deps;
  // One guarded store for both: a data folder that refuses writes must not fail a sign-in.
  const settings = createGuardedSettings(deps.settings, logger);
  const minuteTicks = createMinuteTicks({ clock });
  const auth = createAuthService({
    provider: deps.provider,
    secrets: deps.secrets,
    settings,
    clock,
    fetch: deps.fetch,
    openBrowser: deps.openBrowser,
    wake: deps.wake,
    logger,
    minuteTicks,
    createLoopbackListener: ({ expectedState }) => createLoopbackListener({ expectedState, clock }),
  });
  const zoom = createZoomApi({ fetch: deps.fetch, auth, clock, logger });
  const session = createSessionService({
    auth,
    zoom,
    settings,
    clock,
    wake: deps.wake,
    minuteTicks,
    logger,
    demo: deps.demo,
  });
  return {
    auth,
    zoom,
    session,
    minuteTicks,
    async shutdown(timeoutMs) {
      session.dispose();
      // No tick may start a new rotation while we wait for the one in flight to be committed.
      minuteTicks.stop();
      await auth.drain(timeoutMs);
      await auth.dispose();
    },
  };
}
