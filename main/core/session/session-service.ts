// Owns SessionState: maps auth status + Zoom data into it, keeps it fresh, and publishes changes.
import type { Notice, SessionState, SignOutResult } from '../../../preload/contract.ts';
import type { AuthService, AuthStatus } from '../auth/auth-service.types.ts';
import { AppError, isAppError, toFailure } from '../errors.ts';
import type { Clock, Logger, SettingsStore, WakeEvents } from '../ports.ts';
import type { MinuteTickSource } from '../time/minute-ticker.ts';
import { describeWait } from '../zoom/zoom-errors.ts';
import { createCacheWriter } from './cache-writer.ts';
import { keepSameMeetings, keepSameProfile } from './data-identity.ts';
import { guardSettings } from './guarded-settings.ts';
import { isRefreshDue, PROFILE_MAX_AGE_MS } from './refresh-policy.ts';
import { createSessionCache, type SessionData } from './session-cache.ts';
import { fetchSessionData, toNotice, waitUntilOf, type SessionZoom } from './session-load.ts';
import { HEALTHY, sameSessionState, toSessionState, type DataHealth } from './session-state.ts';

export interface SessionService {
  getState(): SessionState;
  /** Called with every new state; returns an unsubscribe. */
  subscribe(listener: (state: SessionState) => void): () => void;
  /**
   * Restores the stored sign-in. Resolves as soon as the cached data is shown (or it is clear
   * there is none): an expired access token is renewed behind it, never in front of it.
   */
  start(): Promise<void>;
  signIn(): Promise<void>;
  cancelSignIn(): void;
  reopenSignInPage(): Promise<void>;
  signOut(): Promise<SignOutResult>;
  /** The person's Refresh: profile and meetings now; joins a fetch already in flight. */
  refresh(): Promise<void>;
  /** The window was shown or hidden: while it is open the meeting list is kept fresher. */
  setWindowVisible(visible: boolean): void;
  /** The person is at the computer (or has left it): while they are, the list is kept fresher. */
  setUserActive(active: boolean): void;
  dispose(): void;
}

export interface SessionServiceDeps {
  auth: AuthService;
  zoom: SessionZoom;
  /** Shared with the auth core; wrapped so a refused write never fails the session. */
  settings: SettingsStore;
  clock: Clock;
  wake: WakeEvents;
  /** The app's one minute timer (main/core/time/minute-ticker.ts): the session keeps none. */
  minuteTicks: MinuteTickSource;
  logger: Logger;
  demo: boolean;
}

type FetchReason = 'session-start' | 'manual' | 'wake' | 'window' | 'presence' | 'tick';

/** Everything about the signed-in person. It exists exactly while the auth core is signed in. */
interface LiveSession {
  data: SessionData | null;
  /** epoch ms the profile was last fetched; -Infinity while it is the cached one. */
  profileFetchedAt: number;
  health: DataHealth;
  /** The first load failed and there is no data to fall back on. */
  loadError: Notice | null;
  inFlight: Promise<void> | null;
  lastAttemptAt: number;
  failures: number;
  /** epoch ms before which Zoom asked not to be called (Retry-After). */
  holdUntil: number;
}

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { auth, zoom, clock, logger } = deps;
  const settings = guardSettings(deps.settings, logger);
  const cache = createSessionCache(settings);
  const cacheWriter = createCacheWriter({ cache, logger });
  const listeners = new Set<(state: SessionState) => void>();
  const unsubscribers: Array<() => void> = [];

  let live: LiveSession | null = null;
  let startupError: Notice | null = null;
  let signedOutReason: Notice | null = null;
  let windowVisible = false;
  let userActive = false;
  let lastPublished: SessionState | null = null;

  const getState = (): SessionState =>
    toSessionState({
      auth: auth.status(),
      demo: deps.demo,
      sessionOnly: auth.sessionOnlyNotice(),
      settingsUnsaved: settings.unsavedNotice(),
      startupError,
      signedOutReason,
      data: live?.data ?? null,
      health: live?.health ?? HEALTHY,
      loadError: live?.loadError ?? null,
      refreshing: live?.inFlight != null,
    });

  function publish() {
    const state = getState();
    if (sameSessionState(lastPublished, state)) return;
    lastPublished = state;
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        logger.error('session listener failed', { error: String(error) });
      }
    }
  }

  // --- the live session ---------------------------------------------------------

  /** The auth core is signed in: show what the cache holds (stale until fetched) and fetch. */
  function beginSession() {
    const cached = cache.read();
    cacheWriter.assumeStored(cached);
    const session: LiveSession = {
      data: cached,
      profileFetchedAt: -Infinity,
      health: cached ? { ...HEALTHY, stale: true } : HEALTHY,
      loadError: null,
      inFlight: null,
      lastAttemptAt: -Infinity,
      failures: 0,
      holdUntil: 0,
    };
    live = session;
    signedOutReason = null;
    // Not from inside the auth core's status notification: it may still be mid-update.
    queueMicrotask(() => {
      if (live === session) refreshInBackground(session, 'session-start');
      else publish();
    });
  }

  /** Forgets everything about the person: data, pending fetches and the cache. */
  function endSession() {
    live = null;
    cacheWriter.clear();
  }

  function startFetch(session: LiveSession, reason: FetchReason): Promise<void> {
    if (session.inFlight) return session.inFlight;
    const now = clock.now();
    session.lastAttemptAt = now;
    const withProfile =
      session.data === null ||
      reason === 'session-start' ||
      reason === 'manual' ||
      now - session.profileFetchedAt >= PROFILE_MAX_AGE_MS;
    const run: Promise<void> = load(session, reason, withProfile).finally(() => {
      if (session.inFlight === run) session.inFlight = null;
      publish();
      // After the publish: the person sees the new list before any disk write.
      if (session === live && session.data) cacheWriter.save(session.data);
    });
    session.inFlight = run;
    publish();
    return run;
  }

  function refreshInBackground(session: LiveSession, reason: FetchReason) {
    startFetch(session, reason).catch((error: unknown) => {
      logger.info('background refresh failed', { reason, code: toFailure(error).code });
    });
  }

  async function load(session: LiveSession, reason: FetchReason, withProfile: boolean) {
    try {
      // The person pressed Refresh: the auth core makes a real token attempt even while it is
      // backing off after a token-endpoint failure. The grant itself is not kept here.
      if (reason === 'manual') await auth.getAccessToken({ userInitiated: true });
      const fetched = await fetchSessionData(zoom, withProfile);
      if (session !== live) return;
      const now = clock.now();
      const previous = session.data;
      const profile = fetched.profile ?? previous?.profile;
      if (!profile) throw new AppError('unknown', 'Meeting Tray could not read your Zoom profile.');
      session.data = {
        profile: keepSameProfile(previous?.profile, profile),
        meetings: keepSameMeetings(previous?.meetings, fetched.meetings),
        updatedAt: now,
        incomplete: fetched.incomplete,
      };
      if (fetched.profile) session.profileFetchedAt = now;
      session.health = HEALTHY;
      session.loadError = null;
      session.failures = 0;
      session.holdUntil = 0;
    } catch (error) {
      // The session already ended (the auth core signed out): it has said why; just report.
      if (session !== live) throw error;
      await recordFailure(session, error);
      throw error;
    }
  }

  async function recordFailure(session: LiveSession, error: unknown) {
    const notice = toNotice(error);
    const { code } = notice;
    if (code === 'session_expired' || code === 'invalid_client') {
      // The API rejected even a fresh token: the sign-in is over. The auth core shows signed-out
      // at the call, before it revokes and wipes, so the reason appears at once.
      signedOutReason = notice;
      await auth.signOut().catch((signOutError: unknown) => {
        logger.warn('sign-out after expiry failed', { code: toFailure(signOutError).code });
      });
      return;
    }
    session.failures += 1;
    const waitUntil = waitUntilOf(error, clock.now());
    if (waitUntil !== null) session.holdUntil = waitUntil;
    if (session.data) {
      const offline = code === 'offline';
      session.health = { stale: true, offline, problem: offline ? null : notice, waitUntil };
    } else {
      session.loadError = notice;
    }
  }

  /** Minute ticks, window and wake: fetch when the refresh policy says the list is due. */
  function refreshIfDue(reason: FetchReason) {
    const session = live;
    if (!session || session.inFlight) return;
    const due = isRefreshDue({
      now: clock.now(),
      windowVisible,
      userActive,
      meetings: session.data?.meetings ?? null,
      lastAttemptAt: session.lastAttemptAt,
      failures: session.failures,
      holdUntil: session.holdUntil,
    });
    if (due) refreshInBackground(session, reason);
  }

  // --- auth status -------------------------------------------------------------------

  function onAuthStatus(status: AuthStatus) {
    startupError = null;
    if (status.kind === 'signed-in' && live === null) {
      beginSession();
      return; // the fetch it starts publishes
    }
    if (status.kind !== 'signed-in' && live !== null) endSession();
    publish();
  }

  return {
    getState,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start() {
      unsubscribers.push(
        auth.onStatusChange(onAuthStatus),
        settings.onUnsavedChange(publish),
        deps.minuteTicks.onMinute(() => refreshIfDue('tick')),
        deps.wake.onWake(() => {
          // Timers froze while asleep and the network may have changed: fetch now, unless
          // Zoom asked us to wait.
          if (live && clock.now() >= live.holdUntil) refreshInBackground(live, 'wake');
        }),
      );
      // Cached data shows as soon as the keychain says who is signed in; restore() may go on to
      // renew an expired token, and start() does not wait for that.
      const signedIn = whenSignedIn(auth);
      const restored = auth.restore().then(
        () => null,
        (error: unknown) => ({ error }),
      );
      const first = await Promise.race([restored, signedIn.promise]);
      signedIn.stop();
      if (first !== 'signed-in' && first !== null) reportStartupError(first.error);
      // A restore that fails after the data is shown (e.g. the keychain refuses the rotated
      // tokens) is an error on screen only if it also ended the sign-in.
      void restored.then((outcome) => {
        if (!outcome || first !== 'signed-in') return;
        if (auth.status().kind === 'signed-in')
          logger.warn('restoring the sign-in failed', { code: toFailure(outcome.error).code });
        else reportStartupError(outcome.error);
      });
      if (auth.status().kind !== 'signed-in' && live === null) cacheWriter.clear();
      publish();
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

    refresh() {
      const session = live;
      if (!session) {
        return Promise.reject(
          new AppError('not_signed_in', 'Sign in to Zoom to see your meetings.'),
        );
      }
      if (session.inFlight) return session.inFlight;
      const waitMs = session.holdUntil - clock.now();
      if (waitMs > 0) {
        return Promise.reject(
          new AppError(
            'rate_limited',
            `Zoom asked Meeting Tray to wait. Try again in ${describeWait(waitMs)}.`,
          ),
        );
      }
      return startFetch(session, 'manual');
    },

    setWindowVisible(visible) {
      windowVisible = visible;
      if (visible) refreshIfDue('window');
    },

    setUserActive(active) {
      const returned = active && !userActive;
      userActive = active;
      if (returned) refreshIfDue('presence');
    },

    dispose() {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      // A fetch still running is discarded; a cache write it queued is made now.
      live = null;
      cacheWriter.dispose();
      listeners.clear();
    },
  };

  function reportStartupError(error: unknown) {
    startupError = toNotice(error);
    logger.warn('restoring the sign-in failed', { code: startupError.code });
    publish();
  }
}

/** Resolves the first time the auth core reports signed-in. */
function whenSignedIn(auth: Pick<AuthService, 'onStatusChange'>) {
  let stop: () => void = () => undefined;
  const promise = new Promise<'signed-in'>((resolve) => {
    stop = auth.onStatusChange((status) => {
      if (status.kind === 'signed-in') resolve('signed-in');
    });
  });
  return { promise, stop };
}
