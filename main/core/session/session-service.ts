// Owns SessionState: maps auth status + Zoom data into it, keeps it fresh, and publishes changes.
import type { Notice, SessionState, SignOutResult } from '../../../preload/contract.ts';
import type { AuthService, AuthStatus } from '../auth/auth-service.types.ts';
import { AppError, isAppError, toFailure } from '../errors.ts';
import type { Clock, Logger, SettingsStore, TimerHandle, WakeEvents } from '../ports.ts';
import type { ZoomApi } from '../zoom/zoom-api.ts';
import { describeWait } from '../zoom/zoom-errors.ts';
import { createSessionCache, type SessionData } from './session-cache.ts';
import { HEALTHY, toSessionState, type DataHealth } from './session-state.ts';

export interface SessionService {
  getState(): SessionState;
  /** Called with every new state; returns an unsubscribe. */
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Restores the stored sign-in and shows cached data at once; fresh data follows. */
  start(): Promise<void>;
  signIn(): Promise<void>;
  cancelSignIn(): void;
  reopenSignInPage(): Promise<void>;
  signOut(): Promise<SignOutResult>;
  /** Fetches profile and meetings now; joins a refresh already in flight. */
  refresh(): Promise<void>;
  dispose(): void;
}

export interface SessionServiceDeps {
  auth: AuthService;
  zoom: ZoomApi;
  settings: SettingsStore;
  clock: Clock;
  wake: WakeEvents;
  logger: Logger;
  demo: boolean;
}

export const REFRESH_INTERVAL_MS = 5 * 60_000;

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { auth, zoom, clock, logger } = deps;
  const cache = createSessionCache(deps.settings);
  const listeners = new Set<(state: SessionState) => void>();
  const unsubscribers: Array<() => void> = [];

  let data: SessionData | null = null;
  let health: DataHealth = HEALTHY;
  let loadError: Notice | null = null;
  let startupError: Notice | null = null;
  let signedOutReason: Notice | null = null;
  let inFlight: Promise<void> | null = null;
  let timer: TimerHandle | null = null;
  /** Until when Zoom asked us (429) not to call again. */
  let holdUntil = 0;
  /** Bumped whenever the session ends, so a fetch that outlives it is discarded. */
  let generation = 0;
  let signedIn = false;
  let lastPublished = '';

  /** While we end a session ourselves (revoking at the server), it already shows as ended. */
  const authStatus = (): AuthStatus => {
    const status = auth.status();
    return status.kind === 'signed-in' && !signedIn ? { kind: 'signed-out', reason: null } : status;
  };

  const getState = (): SessionState =>
    toSessionState({
      auth: authStatus(),
      demo: deps.demo,
      sessionOnly: auth.sessionOnlyNotice(),
      startupError,
      signedOutReason,
      data,
      health,
      loadError,
      refreshing: inFlight !== null,
    });

  function publish() {
    const state = getState();
    const serialized = JSON.stringify(state);
    if (serialized === lastPublished) return;
    lastPublished = serialized;
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        logger.error('session listener failed', { error: String(error) });
      }
    }
  }

  // --- data lifecycle ------------------------------------------------------

  /** Forgets everything about the signed-in person: timers, data and the cache. */
  function endSession() {
    generation += 1;
    signedIn = false;
    inFlight = null;
    stopTimer();
    data = null;
    health = HEALTHY;
    loadError = null;
    holdUntil = 0;
    cache.clear();
  }

  function stopTimer() {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  function scheduleNextRefresh() {
    stopTimer();
    if (!signedIn) return;
    const delay = Math.max(REFRESH_INTERVAL_MS, holdUntil - clock.now());
    timer = clock.setTimeout(() => {
      timer = null;
      refreshInBackground('timer');
    }, delay);
  }

  function refreshInBackground(trigger: string) {
    refresh().catch((error: unknown) => {
      logger.info('background refresh failed', { trigger, code: toFailure(error).code });
    });
  }

  async function load(forGeneration: number) {
    try {
      const profile = await zoom.getProfile();
      const meetings = await zoom.listUpcomingMeetings();
      if (forGeneration !== generation) return;
      data = { profile, meetings, updatedAt: clock.now() };
      health = HEALTHY;
      loadError = null;
      holdUntil = 0;
      cache.write(data);
    } catch (error) {
      // The session already ended (the auth core signed out): it has said why; just report.
      if (forGeneration !== generation) throw error;
      await recordFailure(error);
      throw error;
    }
  }

  async function recordFailure(error: unknown) {
    const notice = toNotice(error);
    const { code } = notice;
    if (code === 'session_expired' || code === 'invalid_client') {
      // The API rejected even a fresh token: the sign-in is over, so end it everywhere.
      signedOutReason = notice;
      endSession();
      await auth.signOut().catch((signOutError: unknown) => {
        logger.warn('sign-out after expiry failed', { code: toFailure(signOutError).code });
      });
      return;
    }
    const waitMs = retryAfterOf(error);
    if (waitMs !== null) holdUntil = clock.now() + waitMs;
    if (data) {
      health = {
        stale: true,
        offline: code === 'offline',
        problem: code === 'offline' ? null : notice,
      };
    } else {
      loadError = notice;
    }
  }

  function refresh(): Promise<void> {
    if (!signedIn) {
      return Promise.reject(new AppError('not_signed_in', 'Sign in to Zoom to see your meetings.'));
    }
    if (inFlight) return inFlight;
    const waitMs = holdUntil - clock.now();
    if (waitMs > 0) {
      return Promise.reject(
        new AppError(
          'rate_limited',
          `Zoom asked Meeting Tray to wait. Try again in ${describeWait(waitMs)}.`,
        ),
      );
    }

    const forGeneration = generation;
    const run: Promise<void> = load(forGeneration).finally(() => {
      if (inFlight === run) inFlight = null;
      if (forGeneration === generation) scheduleNextRefresh();
      publish();
    });
    inFlight = run;
    publish();
    return run;
  }

  // --- auth status -----------------------------------------------------------

  function onAuthStatus() {
    const nowSignedIn = auth.status().kind === 'signed-in';
    startupError = null;
    if (nowSignedIn && !signedIn) {
      signedIn = true;
      signedOutReason = null;
      refreshInBackground('signed-in');
    } else if (!nowSignedIn && signedIn) {
      endSession();
    }
    publish();
  }

  return {
    getState,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start() {
      try {
        await auth.restore();
      } catch (error) {
        startupError = toNotice(error);
        logger.warn('restoring the sign-in failed', { code: startupError.code });
      }
      signedIn = auth.status().kind === 'signed-in';
      if (signedIn) {
        // Show the last known data before any network call; the refresh below updates it.
        data = cache.read();
      } else {
        cache.clear();
      }
      unsubscribers.push(
        auth.onStatusChange(onAuthStatus),
        deps.wake.onWake((reason) => {
          if (signedIn) refreshInBackground(`wake:${reason}`);
        }),
      );
      publish();
      if (signedIn) refreshInBackground('start');
    },

    async signIn() {
      signedOutReason = null;
      startupError = null;
      publish();
      try {
        await auth.signIn();
      } catch (error) {
        if (!(isAppError(error) && error.code === 'sign_in_cancelled')) {
          signedOutReason = toNotice(error);
        }
        throw error;
      } finally {
        publish();
      }
    },

    cancelSignIn() {
      auth.cancelSignIn();
      publish();
    },

    async reopenSignInPage() {
      await auth.reopenSignInPage();
    },

    async signOut() {
      signedOutReason = null;
      try {
        return await auth.signOut();
      } finally {
        // Whatever the server said, nothing of this person stays on the machine.
        endSession();
        publish();
      }
    },

    refresh,

    dispose() {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      generation += 1;
      signedIn = false;
      inFlight = null;
      stopTimer();
      listeners.clear();
    },
  };
}

function toNotice(error: unknown): Notice {
  const { code, message } = toFailure(error);
  return { code, message };
}

/** Zoom's 429s (and the auth core's token-endpoint limits) say how long to stay away. */
function retryAfterOf(error: unknown): number | null {
  if (!isAppError(error) || error.code !== 'rate_limited' || !('retryAfterMs' in error))
    return null;
  const { retryAfterMs } = error;
  return typeof retryAfterMs === 'number' && retryAfterMs > 0 ? retryAfterMs : null;
}
