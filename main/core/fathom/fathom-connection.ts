// Fathom, the second provider: one connection per app, beside Zoom's session and sharing none of
// its failure state. It owns FathomState: how Fathom is connected (OAuth through its own auth
// core and keychain record, or a personal API key kept only in the keychain), the recent notes
// (cached, shown at once and offline, refreshed on the shared minute ticks), and the summaries
// the person opens (read one at a time, on demand, cached by recording id).
import type { FathomMode, FathomNote, FathomState, Notice } from '../../../preload/contract.ts';
import type { AuthService, AuthStatus } from '../auth/auth-service.types.ts';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { AppError, isAppError, toFailure } from '../errors.ts';
import type { Clock, Logger, SettingsStore, WakeEvents } from '../ports.ts';
import type { MinuteTickSource } from '../time/minute-ticker.ts';
import { describeWait } from '../zoom/zoom-errors.ts';
import type { ApiKeyCredentialSource } from './api-key-credential.ts';
import type { FathomApi, FathomCredentialSource } from './fathom-api.types.ts';
import { HEALTHY, sameFathomState, toFathomState } from './fathom-connection-state.ts';
import { createSummaryReader } from './fathom-connection-summaries.ts';
import {
  ENDING_CODES,
  fathomReason,
  keepSame,
  onlyFor,
  sameOAuthProvider,
  toNotice,
  waitUntilOf,
  whenSignedIn,
  type ListingReason,
  type Live,
} from './fathom-connection-support.ts';
import { createNotesCache, type NotesData } from './notes-cache.ts';
import { NOTES_WINDOW_MS, toNotes, withMine } from './notes-model.ts';
import { isNotesRefreshDue, isWindowRefreshDue } from './notes-refresh-policy.ts';

export interface FathomConnection {
  getState(): FathomState;
  /** Called with every new state; returns an unsubscribe. */
  subscribe(listener: (state: FathomState) => void): () => void;
  /** Restores the stored connection: cached notes show before any request is made. */
  start(): Promise<void>;
  /** Fathom's consent page in the browser, through the same sign-in core as Zoom. */
  connectOAuth(): Promise<void>;
  cancelConnect(): void;
  reopenConnectPage(): Promise<void>;
  /** Validates the key with one call; only a valid key is stored (keychain only). */
  connectApiKey(apiKey: string): Promise<void>;
  /** Wipes the local secrets and the notes cache. Fathom has no revoke endpoint. */
  disconnect(): Promise<{ removeAppHint: boolean }>;
  /** The person's Refresh: one listing now; joins a listing already in flight. */
  refresh(): Promise<void>;
  /** Reads one note's summary, unless it is cached or already being read. */
  loadSummary(recordingId: number): Promise<void>;
  setWindowVisible(visible: boolean): void;
  /** The person's email may have changed (Zoom signed in or out): `mine` is worked out again. */
  personChanged(): void;
  /** Settings changed the OAuth client: an OAuth connection to the old one is ended and wiped. */
  setOAuthProvider(provider: AuthProviderConfig | null): Promise<void>;
  /** The mode connected now (for Settings), or null. */
  mode(): FathomMode | null;
  /** Quit: stops the timers, then waits (at most `timeoutMs`) for a token rotation to commit. */
  shutdown(timeoutMs: number): Promise<void>;
}

export interface FathomConnectionDeps {
  /** The OAuth client to connect with, or null when none is configured (API key only). */
  oauthProvider: AuthProviderConfig | null;
  /** A Fathom auth core for `provider`: its own keychain record, state and timers. */
  createAuth(provider: AuthProviderConfig): AuthService;
  /** Adapts the auth core to the API wrapper (oauth-credential.ts). */
  oauthCredentials(auth: AuthService): FathomCredentialSource;
  /** The personal API key: kept in the keychain only, sent as X-Api-Key (api-key-credential.ts). */
  apiKey: Pick<ApiKeyCredentialSource, 'current' | 'save' | 'clear' | 'has'>;
  /** The API wrapper over `credentials`, calling `baseUrl`. */
  createApi(credentials: FathomCredentialSource, baseUrl: string): FathomApi;
  /** One cheap call with the key before it is stored; rejects with fathom_key_invalid. */
  validateApiKey(apiKey: string): Promise<void>;
  /** The API base for API-key mode (OAuth uses its provider's). */
  apiKeyBaseUrl: string;
  /** Non-secret: the connected mode and the notes cache. */
  settings: SettingsStore;
  clock: Clock;
  wake: WakeEvents;
  minuteTicks: MinuteTickSource;
  logger: Logger;
  /** The person's email when Zoom knows it (the signed-in profile's), else null. */
  personEmail(): string | null;
}

/** The settings key of the connected mode, so a restart knows which secret to look for. */
export const FATHOM_MODE_KEY = 'fathom.mode';
/** How long changing the OAuth client waits for the old auth core's rotation in flight. */
const REPLACE_DRAIN_MS = 2_000;

export function createFathomConnection(deps: FathomConnectionDeps): FathomConnection {
  const { clock, logger, settings } = deps;
  const cache = createNotesCache(settings);
  const listeners = new Set<(state: FathomState) => void>();
  const unsubscribers: Array<() => void> = [];

  let provider = deps.oauthProvider;
  let auth: AuthService | null = null;
  let detachAuth: () => void = () => undefined;
  let live: Live | null = null;
  let connecting: FathomMode | null = null;
  let reason: Notice | null = null;
  let removeAppHint = false;
  let startupError: Notice | null = null;
  let lastPublished: FathomState | null = null;
  /** `mine` worked out for the notes and email last shown, so an unchanged state compares equal. */
  let mineMemo: {
    notes: readonly FathomNote[];
    email: string | null;
    result: readonly FathomNote[];
  } | null = null;

  const attachAuth = (next: AuthProviderConfig | null) => {
    detachAuth();
    auth = next ? deps.createAuth(next) : null;
    detachAuth = auth ? auth.onStatusChange(onAuthStatus) : () => undefined;
  };
  attachAuth(provider);

  const notesWithMine = (notes: readonly FathomNote[]): readonly FathomNote[] => {
    const email = safePersonEmail();
    if (mineMemo?.notes === notes && mineMemo.email === email) return mineMemo.result;
    const result = withMine(notes, email);
    mineMemo = { notes, email, result };
    return result;
  };

  const safePersonEmail = (): string | null => {
    try {
      return deps.personEmail();
    } catch {
      return null;
    }
  };

  const getState = (): FathomState => {
    const status = auth?.status();
    return toFathomState({
      startupError,
      connecting: connecting && {
        mode: connecting,
        authorizationUrl:
          connecting === 'oauth' && status?.kind === 'signing-in' ? status.authorizationUrl : null,
      },
      live: live && {
        mode: live.mode,
        notes: notesWithMine(live.notes ?? []),
        updatedAt: live.updatedAt,
        incomplete: live.incomplete,
        health: live.health,
        refreshing: live.inFlight !== null,
        summaries: live.summaries,
      },
      reason,
      removeAppHint,
    });
  };

  function publish() {
    const state = getState();
    if (sameFathomState(lastPublished, state)) return;
    lastPublished = state;
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        logger.error('fathom listener failed', { error: String(error) });
      }
    }
  }

  // --- settings: the mode and the cache --------------------------------------------------

  const readMode = (): FathomMode | null => {
    const mode = settings.get<unknown>(FATHOM_MODE_KEY);
    return mode === 'oauth' || mode === 'api-key' ? mode : null;
  };
  const writeSetting = (write: () => void) => {
    try {
      write();
    } catch (error) {
      logger.warn('a Fathom setting could not be saved', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  };
  const saveCache = (session: Live) => {
    if (session !== live || session.notes === null || session.updatedAt === null) return;
    const data: NotesData = {
      mode: session.mode,
      notes: session.notes,
      updatedAt: session.updatedAt,
      summaries: session.cachedSummaries,
    };
    writeSetting(() => cache.write(data));
  };
  const forgetEverything = () => {
    writeSetting(() => cache.clear());
    writeSetting(() => settings.delete(FATHOM_MODE_KEY));
  };

  // --- the live connection ---------------------------------------------------------------

  /** Connected: the cache shows at once (stale until listed), then one listing runs. */
  function beginLive(mode: FathomMode, api: FathomApi, reasonForListing: ListingReason) {
    const cached = cache.read();
    const usable = cached?.mode === mode ? cached : null;
    const session: Live = {
      mode,
      api,
      notes: usable?.notes ?? null,
      updatedAt: usable?.updatedAt ?? null,
      incomplete: false,
      health: usable ? { ...HEALTHY, stale: true } : HEALTHY,
      inFlight: null,
      lastAttemptAt: -Infinity,
      failures: 0,
      holdUntil: 0,
      summaries: {},
      summaryFlights: new Map(),
      cachedSummaries: usable?.summaries ?? {},
    };
    live = session;
    reason = null;
    removeAppHint = false;
    startupError = null;
    writeSetting(() => settings.set(FATHOM_MODE_KEY, mode));
    // Not from inside the auth core's status notification: it may still be mid-update.
    queueMicrotask(() => {
      if (live === session) listInBackground(session, reasonForListing);
      else publish();
    });
    publish();
  }

  /**
   * The connection is over (disconnect, or Fathom refused it): nothing of it stays on the
   * machine. `authAlreadyOut`: the auth core ended the session itself and wiped its record.
   */
  async function endConnection(
    why: Notice | null,
    options: { removeAppHint: boolean; authAlreadyOut?: boolean },
  ) {
    const was = live;
    live = null;
    reason = why;
    removeAppHint = options.removeAppHint;
    forgetEverything();
    publish();
    const wipes: Array<Promise<unknown>> = [];
    if (auth && !options.authAlreadyOut && (was === null || was.mode === 'oauth'))
      wipes.push(auth.signOut());
    if (was === null || was.mode === 'api-key') wipes.push(deps.apiKey.clear());
    const results = await Promise.allSettled(wipes);
    for (const result of results)
      if (result.status === 'rejected')
        logger.warn('a Fathom secret could not be wiped', { code: toFailure(result.reason).code });
    publish();
  }

  const summaries = createSummaryReader({
    clock,
    isLive: (session) => session === live,
    publish: () => publish(),
    saveCache,
    end: (notice) => endConnection(notice, { removeAppHint: false }),
  });

  function startListing(session: Live, why: ListingReason): Promise<void> {
    if (session.inFlight) return session.inFlight;
    session.lastAttemptAt = clock.now();
    const run: Promise<void> = list(session, why).finally(() => {
      if (session.inFlight === run) session.inFlight = null;
      publish();
      saveCache(session);
    });
    session.inFlight = run;
    publish();
    return run;
  }

  function listInBackground(session: Live, why: ListingReason) {
    startListing(session, why).catch((error: unknown) => {
      logger.info('fathom background listing failed', { reason: why, code: toFailure(error).code });
    });
  }

  /** One `/meetings` listing (every page, with action items): never a summary call. */
  async function list(session: Live, why: ListingReason) {
    try {
      const since = new Date(clock.now() - NOTES_WINDOW_MS);
      const { meetings, incomplete } = await session.api.listMeetings({
        since,
        userInitiated: why === 'manual',
      });
      if (session !== live) return;
      const notes = toNotes(meetings);
      session.notes = keepSame(session.notes, notes);
      session.updatedAt = clock.now();
      session.incomplete = incomplete;
      session.health = HEALTHY;
      session.failures = 0;
      session.holdUntil = 0;
      session.cachedSummaries = onlyFor(session.cachedSummaries, notes);
    } catch (error) {
      if (session !== live) throw error;
      await recordFailure(session, error);
      throw error;
    }
  }

  async function recordFailure(session: Live, error: unknown) {
    const notice = toNotice(error);
    if (ENDING_CODES.has(notice.code)) {
      // Fathom refused even a fresh token, or the key: the connection is over, and wiped.
      logger.info('fathom ended the connection', { code: notice.code, mode: session.mode });
      await endConnection(notice, { removeAppHint: false });
      return;
    }
    session.failures += 1;
    const waitUntil = waitUntilOf(error, clock.now());
    if (waitUntil !== null) session.holdUntil = Math.max(session.holdUntil, waitUntil);
    const offline = notice.code === 'offline';
    session.health = {
      stale: session.notes !== null,
      offline,
      problem: offline ? null : notice,
      waitUntil: session.holdUntil > clock.now() ? session.holdUntil : null,
    };
  }

  function listIfDue(why: ListingReason) {
    const session = live;
    if (!session || session.inFlight) return;
    const facts = {
      now: clock.now(),
      lastAttemptAt: session.lastAttemptAt,
      failures: session.failures,
      holdUntil: session.holdUntil,
    };
    const due = why === 'window' ? isWindowRefreshDue(facts) : isNotesRefreshDue(facts);
    if (due) listInBackground(session, why);
  }

  // --- the auth core's status ----------------------------------------------------------------

  function onAuthStatus(status: AuthStatus) {
    if (status.kind === 'signed-in' && live?.mode !== 'oauth' && auth && provider) {
      const previous = live;
      beginLive('oauth', deps.createApi(deps.oauthCredentials(auth), provider.apiBaseUrl), 'start');
      // Connected through OAuth instead of a key: the key is no longer needed.
      if (previous?.mode === 'api-key') void wipeApiKey();
      return;
    }
    if (status.kind === 'signed-out' && live?.mode === 'oauth') {
      // The auth core ended the session itself (its refresh token was refused): say why.
      void endConnection(status.reason && fathomReason(status.reason), {
        removeAppHint: false,
        authAlreadyOut: true,
      });
      return;
    }
    publish();
  }

  const wipeApiKey = () =>
    deps.apiKey.clear().catch((error: unknown) => {
      logger.warn('the Fathom API key could not be wiped', { code: toFailure(error).code });
    });

  const notConnected = () =>
    new AppError(
      'not_signed_in',
      'Fathom is not connected. Connect it in Settings or on the notes.',
    );

  return {
    getState,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start() {
      unsubscribers.push(
        deps.minuteTicks.onMinute(() => listIfDue('tick')),
        deps.wake.onWake(() => {
          // Timers froze while asleep and the network may have changed: list now, unless
          // Fathom asked us to wait.
          if (live && clock.now() >= live.holdUntil && !live.inFlight)
            listInBackground(live, 'wake');
        }),
      );
      const mode = readMode();
      if (mode === 'api-key') {
        try {
          if (await deps.apiKey.has()) beginLive('api-key', keyApi(), 'start');
          else forgetEverything();
        } catch (error) {
          startupError = toNotice(error);
          logger.warn('reading the Fathom API key failed', { code: startupError.code });
        }
      } else if (mode === 'oauth') {
        if (auth) await restoreOAuth(auth);
        else {
          reason = {
            code: 'config_invalid',
            message:
              'Fathom sign-in is no longer set up on this computer. Enter the Fathom app in Settings, or connect with an API key.',
          };
          forgetEverything();
        }
      } else {
        // No connection: no notes of an earlier one may linger.
        writeSetting(() => cache.clear());
      }
      publish();
    },

    async connectOAuth() {
      const current = auth;
      if (!current || !provider)
        throw new AppError(
          'config_invalid',
          "Fathom sign-in is not set up: enter your Fathom app's client ID and secret in Settings, or connect with an API key.",
        );
      reason = null;
      removeAppHint = false;
      startupError = null;
      connecting = 'oauth';
      publish();
      try {
        await current.signIn();
      } catch (error) {
        if (!(isAppError(error) && error.code === 'sign_in_cancelled'))
          reason = fathomReason(toNotice(error));
        throw error;
      } finally {
        if (connecting === 'oauth') connecting = null;
        publish();
      }
    },

    cancelConnect() {
      if (connecting === 'oauth') auth?.cancelSignIn();
      connecting = null;
      publish();
    },

    async reopenConnectPage() {
      if (connecting !== 'oauth' || !auth) throw notConnected();
      await auth.reopenSignInPage();
    },

    async connectApiKey(apiKey) {
      const key = apiKey.trim();
      reason = null;
      removeAppHint = false;
      startupError = null;
      connecting = 'api-key';
      publish();
      try {
        await deps.validateApiKey(key);
        const previous = live;
        // Valid: it replaces whatever was connected. The keychain comes first: if it refuses
        // the key, nothing is saved and the old connection stays.
        await deps.apiKey.save(key);
        if (previous?.mode === 'oauth' && auth) {
          live = null;
          await auth.signOut().catch((error: unknown) => {
            logger.warn('the Fathom OAuth grant could not be wiped', {
              code: toFailure(error).code,
            });
          });
        }
        connecting = null;
        beginLive('api-key', keyApi(), 'connect');
        logger.info('connected Fathom with an API key');
      } catch (error) {
        reason = toNotice(error);
        throw error;
      } finally {
        if (connecting === 'api-key') connecting = null;
        publish();
      }
    },

    async disconnect() {
      const wasOAuth = live?.mode === 'oauth' || connecting === 'oauth';
      if (connecting === 'oauth') auth?.cancelSignIn();
      connecting = null;
      startupError = null;
      await endConnection(null, { removeAppHint: wasOAuth });
      logger.info('disconnected Fathom', { removeAppHint: wasOAuth });
      return { removeAppHint: wasOAuth };
    },

    refresh() {
      const session = live;
      if (!session) return Promise.reject(notConnected());
      if (session.inFlight) return session.inFlight;
      const waitMs = session.holdUntil - clock.now();
      if (waitMs > 0)
        return Promise.reject(
          new AppError(
            'rate_limited',
            `Fathom asked Meeting Tray to wait. Try again in ${describeWait(waitMs)}.`,
            { retryAt: session.holdUntil },
          ),
        );
      return startListing(session, 'manual');
    },

    async loadSummary(recordingId) {
      const session = live;
      if (!session) throw notConnected();
      return summaries.load(session, recordingId);
    },

    setWindowVisible(visible) {
      if (visible) listIfDue('window');
    },

    personChanged: publish,

    async setOAuthProvider(next) {
      if (sameOAuthProvider(provider, next)) return;
      const old = auth;
      if (old) {
        if (connecting === 'oauth') {
          old.cancelSignIn();
          connecting = null;
        }
        // The old client's grant is wiped; the new client needs its own consent.
        if (live?.mode === 'oauth') await endConnection(null, { removeAppHint: true });
        detachAuth();
        await old.drain(REPLACE_DRAIN_MS);
        await old.dispose();
      }
      provider = next;
      attachAuth(next);
      publish();
    },

    mode: () => live?.mode ?? null,

    async shutdown(timeoutMs) {
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      const session = live;
      if (session) saveCache(session);
      live = null;
      listeners.clear();
      detachAuth();
      if (auth) {
        await auth.drain(timeoutMs);
        await auth.dispose();
      }
    },
  };

  function keyApi(): FathomApi {
    return deps.createApi(deps.apiKey, deps.apiKeyBaseUrl);
  }

  /** Cached notes show as soon as the keychain says the grant is there; a refresh goes on behind. */
  async function restoreOAuth(current: AuthService) {
    const signedIn = whenSignedIn(current);
    const restored = current.restore().then(
      () => null,
      (error: unknown) => ({ error }),
    );
    const first = await Promise.race([restored, signedIn.promise]);
    signedIn.stop();
    const failed = first !== 'signed-in' && first !== null ? first : null;
    if (failed && current.status().kind !== 'signed-in') {
      startupError = toNotice(failed.error);
      logger.warn('restoring the Fathom connection failed', { code: startupError.code });
    } else if (first === null && current.status().kind === 'signed-out') {
      // The keychain has no grant (wiped elsewhere, or never saved): nothing to show.
      forgetEverything();
    }
  }
}
