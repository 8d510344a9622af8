import type { Notice, SignOutResult } from '../../../preload/contract.ts';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { AppError } from '../errors.ts';
import type {
  BrowserOpener,
  Clock,
  Fetch,
  Logger,
  SecretStore,
  SettingsStore,
  WakeEvents,
} from '../ports.ts';
import type { MinuteTickSource } from '../time/minute-ticker.ts';
import { within } from '../time/within.ts';
import { chooseApiBaseUrl } from '../zoom/api-base-url.ts';
import type { AccessGrant, AuthService, AuthStatus } from './auth-service.types.ts';
import {
  currentSession,
  freshBookkeeping,
  publicStatus,
  SIGNED_OUT,
  statusChanged,
  withSession,
  type AuthState,
  type SignedIn,
} from './auth-state.ts';
import { revokeWithin } from './bounded-revoke.ts';
import type { CreateLoopbackListener } from './loopback-listener.types.ts';
import { createOAuthClient } from './oauth-client.ts';
import {
  afterTransientFailure,
  afterWake,
  nextCheck,
  refreshBlockedBy,
} from './refresh-bookkeeping.ts';
import { minimumValidityMs, nextRefreshAt } from './refresh-schedule.ts';
import {
  createRefreshScheduler,
  type CheckReason,
  type RefreshScheduler,
} from './refresh-scheduler.ts';
import { createSignInFlow, toAppError, type SignInAttempt } from './sign-in-flow.ts';
import { TokenRequestError, ZOOM_WORDING } from './token-failure.ts';
import type { TokenSet } from './token-set.ts';
import { createTokenVault, providerVaultKey } from './token-vault.ts';

export interface AuthServiceDeps {
  provider: AuthProviderConfig;
  secrets: SecretStore;
  settings: SettingsStore;
  clock: Clock;
  fetch: Fetch;
  openBrowser: BrowserOpener;
  wake: WakeEvents;
  logger: Logger;
  /** Needed for loopback redirects; bind the clock at the composition root. */
  createLoopbackListener: CreateLoopbackListener;
  /** The app's shared minute timer; without it the refresh checks run on their own. */
  minuteTicks?: MinuteTickSource;
  /** Jitter source, [0, 1). */
  random?: () => number;
  signInTimeoutMs?: number;
  /** Least validity a handed-out access token keeps (default 120 s). */
  minValidityMs?: number;
  /** Total time for one code exchange or refresh, body included (the OAuth client's default). */
  tokenDeadlineMs?: number;
  /** Total time for one revocation; sign-out waits no longer for the server. Default 5 s. */
  revokeTimeoutMs?: number;
}

/** Non-secret facts about the session, kept in settings for the UI and diagnostics. */
export const SESSION_SETTINGS_KEY = 'auth.session';

const MIN_VALIDITY_MS = 120_000;
const REVOKE_TIMEOUT_MS = 5_000;
/** How long sign-out waits for a rotation in flight, to revoke the newest refresh token. */
const ROTATION_GRACE_MS = 1_000;
/** How long sign-out waits for the keychain wipe (it still completes in the background). */
const WIPE_BOUND_MS = 3_000;

/** The transient token-endpoint failure behind `error`, if that is what it is. */
function transientCause(error: unknown): TokenRequestError | null {
  if (error instanceof TokenRequestError) return error.transient ? error : null;
  if (error instanceof AppError && error.cause instanceof TokenRequestError)
    return transientCause(error.cause);
  return null;
}

/** A refresh in flight, for one session. `rotated` settles as soon as the server has answered. */
interface InFlightRefresh {
  sessionId: number;
  result: Promise<TokenSet>;
  rotated: Promise<TokenSet | null>;
  /** Settles after `result`, once the service no longer counts it as in flight. */
  done: Promise<void>;
}

/**
 * Sign-in, token keeping, refresh and sign-out for one provider. All it knows is one AuthState
 * value, changed only through `enter`, which also keeps the refresh scheduler and the listeners
 * in step. Tokens never leave this object except as an AccessGrant to main-process API clients,
 * and are persisted only through the keychain vault.
 */
export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { provider, clock, logger } = deps;
  const random = deps.random ?? Math.random;
  const minValidity = deps.minValidityMs ?? MIN_VALIDITY_MS;
  const wording = provider.wording ?? ZOOM_WORDING;
  const settingsKey = provider.sessionSettingsKey ?? SESSION_SETTINGS_KEY;
  const notSignedIn = (message = `You are not signed in to ${wording.name}. Choose Sign in.`) =>
    new AppError('not_signed_in', message);
  const client = createOAuthClient({
    provider,
    fetch: deps.fetch,
    clock,
    logger,
    revokeDeadlineMs: deps.revokeTimeoutMs ?? REVOKE_TIMEOUT_MS,
    ...(deps.tokenDeadlineMs !== undefined ? { tokenDeadlineMs: deps.tokenDeadlineMs } : {}),
  });
  const vault = createTokenVault({
    secrets: deps.secrets,
    key: providerVaultKey(provider),
    logger,
  });
  const flow = createSignInFlow({
    provider,
    client,
    clock,
    openBrowser: deps.openBrowser,
    logger,
    createLoopbackListener: deps.createLoopbackListener,
    ...(deps.signInTimeoutMs !== undefined ? { timeoutMs: deps.signInTimeoutMs } : {}),
  });
  const listeners = new Set<(status: AuthStatus) => void>();

  let state: AuthState = SIGNED_OUT;
  let refreshing: InFlightRefresh | null = null;
  let scheduler: RefreshScheduler | null = null;
  let disposed = false;
  let sessionIds = 0;

  // --- the one place state changes -------------------------------------------------

  /** Moves to `next`; the scheduler runs exactly while a session exists. */
  function enter(next: AuthState) {
    const before = state;
    state = next;
    const session = currentSession(next);
    if (!session || disposed) {
      scheduler?.stop();
      scheduler = null;
    } else {
      scheduler ??= createRefreshScheduler({
        clock,
        wake: deps.wake,
        check,
        ...(deps.minuteTicks ? { minuteTicks: deps.minuteTicks } : {}),
      });
      const { at, latest } = nextCheck(session, minValidity);
      scheduler.arm(at, latest);
    }
    if (statusChanged(before, next)) {
      const status = publicStatus(next);
      for (const listener of [...listeners]) listener(status);
    }
  }

  const isCurrent = (sessionId: number) => currentSession(state)?.id === sessionId;

  function newSession(tokens: TokenSet): SignedIn {
    sessionIds += 1;
    return {
      kind: 'signed-in',
      id: sessionIds,
      tokens,
      storage: 'keychain',
      refresh: freshBookkeeping(nextRefreshAt(tokens, random)),
    };
  }

  const grantOf = (tokens: TokenSet): AccessGrant => ({
    accessToken: tokens.accessToken,
    apiBaseUrl: tokens.apiBaseUrl,
  });

  /** Settings are a convenience: an unwritable data directory must not fail a sign-in. */
  function writeSettings(write: () => void) {
    try {
      write();
    } catch (error) {
      logger.warn('could not write settings; going on without them', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  /** Keeps the session in memory when the keychain refuses it (session-only mode). */
  function onSaved(sessionId: number, committed: boolean) {
    const session = currentSession(state);
    if (committed || !session || session.id !== sessionId) return;
    enter(withSession(state, { ...session, storage: 'session-only' }));
  }

  async function endSession(reason: Notice | null) {
    enter(reason ? { kind: 'signed-out', reason } : SIGNED_OUT);
    writeSettings(() => deps.settings.delete(settingsKey));
    await within(clock, vault.clear(), WIPE_BOUND_MS);
  }

  // --- refresh ---------------------------------------------------------------------

  function startRefresh(sessionId: number): InFlightRefresh {
    let announceRotation!: (tokens: TokenSet | null) => void;
    const rotated = new Promise<TokenSet | null>((resolve) => (announceRotation = resolve));

    async function run(): Promise<TokenSet> {
      // A first sign-in's keychain save may still be running: rotate only once it committed.
      await vault.idle();
      const before = currentSession(state);
      if (!before || before.id !== sessionId) throw notSignedIn();
      let fresh: TokenSet;
      try {
        fresh = await client.refresh(before.tokens.refreshToken);
      } catch (error) {
        announceRotation(null);
        throw await refreshFailed(before, error);
      }
      announceRotation(fresh);
      if (!isCurrent(sessionId))
        throw notSignedIn('You signed out while the session was being renewed. Choose Sign in.');
      // Rotation safety: the new refresh token is in the keychain before the new access token
      // is used. Checked and queued in one step, so a sign-out's wipe is always queued after it.
      const committed = await vault.save(fresh);
      const after = currentSession(state);
      if (!after || after.id !== sessionId)
        throw notSignedIn('You signed out while the session was being renewed. Choose Sign in.');
      enter(
        withSession(state, {
          ...after,
          tokens: fresh,
          storage: committed ? after.storage : 'session-only',
          refresh: freshBookkeeping(nextRefreshAt(fresh, random)),
        }),
      );
      logger.info('access token refreshed', {
        expiresInSeconds: Math.round((fresh.expiresAt - clock.now()) / 1000),
      });
      return fresh;
    }

    const result = run();
    const inFlight: InFlightRefresh = {
      sessionId,
      result,
      rotated,
      done: result.then(
        () => undefined,
        () => undefined,
      ),
    };
    inFlight.done = inFlight.done.finally(() => {
      announceRotation(null); // ended before Zoom answered (no-op when it did)
      if (refreshing === inFlight) refreshing = null;
      // Plan again from what the refresh left behind (a tick may have passed while it ran).
      enter(state);
    });
    refreshing = inFlight;
    return inFlight;
  }

  /** Records a failed refresh and returns the error to throw. */
  async function refreshFailed(session: SignedIn, error: unknown): Promise<unknown> {
    const transient = transientCause(error);
    if (transient) {
      const latest = currentSession(state);
      if (!latest || latest.id !== session.id) return error;
      const refresh = afterTransientFailure(
        latest.refresh,
        transient,
        latest.tokens,
        clock.now(),
        random,
      );
      enter(withSession(state, { ...latest, refresh }));
      logger.warn('token refresh failed; keeping the session', {
        code: transient.code,
        failures: refresh.failures,
        retryInSeconds: Math.round((refresh.retryAt - clock.now()) / 1000),
      });
      return refresh.holdUntil > 0 ? heldError(transient, refresh.holdUntil) : error;
    }
    if (error instanceof TokenRequestError && isCurrent(session.id)) {
      logger.warn('token refresh refused; signing out', { code: error.code });
      await endSession({ code: error.code, message: error.message });
    }
    return toAppError(error);
  }

  /** The error for "the server asked us to wait": it says until when. */
  const heldError = (failure: TokenRequestError, until: number) =>
    new AppError(failure.code, failure.message, { cause: failure, retryAt: until });

  function refreshSingleFlight(session: SignedIn, userInitiated = false): Promise<TokenSet> {
    if (refreshing?.sessionId === session.id) return refreshing.result;
    // Quitting: a rotation started now could be cut off by the exit after drain's bound.
    if (disposed) return Promise.reject(notSignedIn('Meeting Tray is closing.'));
    const book = session.refresh;
    const blocked = refreshBlockedBy(book, clock.now(), userInitiated);
    if (blocked && book.lastFailure)
      return Promise.reject(
        blocked === 'server' ? heldError(book.lastFailure, book.holdUntil) : book.lastFailure,
      );
    return startRefresh(session.id).result;
  }

  function check(reason: CheckReason) {
    let session = currentSession(state);
    if (!session || refreshing) return;
    if (reason === 'resume' || reason === 'unlock' || reason === 'online') {
      if (session.refresh.lastFailure) {
        session = { ...session, refresh: afterWake(session.refresh) };
        enter(withSession(state, session));
      }
    }
    const { at } = nextCheck(session, minValidity);
    if (clock.now() >= at) {
      refreshSingleFlight(session).catch(() => undefined);
    } else if (reason === 'timer') {
      // A capped timer fired early (a very long wait): plan again from here.
      enter(state);
    }
  }

  // --- sign-in -----------------------------------------------------------------------

  async function signIn(): Promise<void> {
    const before = state;
    const previous = currentSession(before);
    const replaced = before.kind === 'signing-in' ? before.attempt : null;
    const attempt: SignInAttempt = flow.start({
      ...(replaced ? { after: replaced.woundDown } : {}),
      onAuthorizationUrl(url) {
        if (state.kind === 'signing-in' && state.attempt === attempt)
          enter({ ...state, authorizationUrl: url });
      },
    });
    enter({ kind: 'signing-in', attempt, authorizationUrl: null, previous });
    // One flow at a time: a second click replaces the first, so there are never two servers.
    replaced?.abort(new AppError('sign_in_cancelled', 'A new sign-in was started.'));
    const mine = () => state.kind === 'signing-in' && state.attempt === attempt;

    let tokens: TokenSet;
    try {
      tokens = await attempt.tokens;
      if (!mine()) throw new AppError('sign_in_cancelled', 'The sign-in was replaced.');
    } catch (error) {
      const failure = toAppError(error);
      attempt.finish({ ok: false, message: failure.message });
      logger.warn('sign-in did not complete', { code: failure.code });
      if (mine()) {
        const latestPrevious = state.kind === 'signing-in' ? state.previous : null;
        const cancelled = failure.code === 'sign_in_cancelled';
        if (latestPrevious) enter(latestPrevious);
        else if (cancelled && before.kind === 'signed-out') enter(before);
        else
          enter(
            cancelled
              ? SIGNED_OUT
              : { kind: 'signed-out', reason: { code: failure.code, message: failure.message } },
          );
      }
      throw failure;
    }

    const session = newSession(tokens);
    enter(session);
    attempt.finish({ ok: true });
    // With no older session to protect, the keychain write runs beside the first API calls; a
    // refresh waits for it (vault.idle). Replacing a session, the new tokens commit first.
    const saved = vault.save(tokens).then((committed) => onSaved(session.id, committed));
    if (previous) await saved;
    writeSettings(() =>
      deps.settings.set(settingsKey, {
        signedInAt: clock.now(),
        apiBaseUrl: tokens.apiBaseUrl,
      }),
    );
    logger.info('signed in', { sessionOnly: vault.sessionOnlyNotice() !== null });
  }

  // --- sign-out ----------------------------------------------------------------------

  const revoke = (refreshToken: string) =>
    provider.server.revocation_endpoint
      ? revokeWithin(
          { client, clock, logger, boundMs: deps.revokeTimeoutMs ?? REVOKE_TIMEOUT_MS },
          refreshToken,
        )
      : Promise.resolve(false);

  async function signOut(): Promise<SignOutResult> {
    const session = currentSession(state);
    const inFlight = refreshing?.sessionId === session?.id ? refreshing : null;
    if (state.kind === 'signing-in')
      state.attempt.abort(new AppError('sign_in_cancelled', 'You signed out.'));
    // Signed out at once, for everyone; the slow parts below cannot bring the session back.
    enter(SIGNED_OUT);
    writeSettings(() => deps.settings.delete(settingsKey));
    const wiped = vault.clear();
    // A server without a revocation endpoint (Fathom) gets no request: the wipe is all there is.
    const revocable = provider.server.revocation_endpoint !== undefined;
    if (!session || !revocable) {
      await within(clock, wiped, WIPE_BOUND_MS);
      if (session) logger.info('signed out', { revocation: 'unsupported' });
      return revocable
        ? { serverRevoked: true, revocation: 'revoked' }
        : { serverRevoked: false, revocation: 'unsupported' };
    }
    // A rotation in flight may be about to kill the refresh token we hold: revoke the newest.
    let refreshToken = session.tokens.refreshToken;
    if (inFlight) {
      const rotation = await within(clock, inFlight.rotated, ROTATION_GRACE_MS);
      if (rotation.settled && rotation.value) refreshToken = rotation.value.refreshToken;
      if (!rotation.settled) {
        inFlight.rotated
          .then((late) => (late ? revoke(late.refreshToken) : false))
          .then((revoked) =>
            logger.info('revoked a refresh that finished after sign-out', { revoked }),
          )
          .catch(() => undefined);
      }
    }
    const serverRevoked = await revoke(refreshToken);
    const wipe = await within(clock, wiped, WIPE_BOUND_MS);
    if (!wipe.settled) logger.warn('the keychain is slow; the wipe finishes in the background');
    logger.info('signed out', { serverRevoked });
    return { serverRevoked, revocation: serverRevoked ? 'revoked' : 'not-confirmed' };
  }

  // --- the service -------------------------------------------------------------------

  return {
    async restore() {
      const kept = await vault.load();
      // A sign-in may have begun while the keychain was read; it wins.
      if (!kept || state.kind !== 'signed-out') return;
      // The API base saved with the tokens is held to today's configuration, as a token answer's
      // is: the demo sandbox listens on a new port each run, and its tokens must follow it.
      const apiBase = chooseApiBaseUrl(kept.apiBaseUrl, provider.apiBaseUrl).apiBaseUrl;
      const stored: TokenSet = { ...kept, apiBaseUrl: apiBase };
      const session = newSession(stored);
      enter(session);
      // An expired token is refreshed behind the scenes, so the caller can show cached data now.
      if (stored.expiresAt - clock.now() < minimumValidityMs(stored, minValidity)) {
        refreshSingleFlight(session).catch((error: unknown) => {
          logger.info('refresh at start did not complete', { code: toAppError(error).code });
        });
      }
    },

    status: () => publicStatus(state),

    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    sessionOnlyNotice: () => vault.sessionOnlyNotice(),

    signIn,

    cancelSignIn() {
      if (state.kind === 'signing-in')
        state.attempt.abort(new AppError('sign_in_cancelled', 'Sign-in was cancelled.'));
    },

    async reopenSignInPage() {
      if (state.kind !== 'signing-in')
        throw new AppError(
          'not_signed_in',
          'There is no sign-in in progress. Choose Sign in to start one.',
        );
      if (state.authorizationUrl) await flow.openBrowser(state.authorizationUrl);
    },

    handleDeepLink: (url) => state.kind === 'signing-in' && state.attempt.deliverDeepLink(url),

    async getAccessToken(options) {
      const session = currentSession(state);
      if (!session) throw notSignedIn();
      const { tokens } = session;
      // Several API calls can fail on the same token; only the first that finds it still current
      // refreshes (the others join it or use its result). Age is no guide: a refresh timer may
      // rotate even a young token away while a request is in flight with it.
      const force =
        options?.forceRefresh === true &&
        (options.rejectedAccessToken === undefined ||
          options.rejectedAccessToken === tokens.accessToken);
      if (!force && tokens.expiresAt - clock.now() >= minimumValidityMs(tokens, minValidity))
        return grantOf(tokens);
      try {
        return grantOf(await refreshSingleFlight(session, options?.userInitiated === true));
      } catch (error) {
        // A transient failure leaves a still-valid token usable; an expired one is not.
        const latest = currentSession(state);
        if (
          transientCause(error) &&
          !options?.forceRefresh &&
          latest &&
          latest.tokens.expiresAt > clock.now()
        )
          return grantOf(latest.tokens);
        throw error;
      }
    },

    signOut,

    async drain(timeoutMs) {
      const deadline = clock.now() + timeoutMs;
      while (refreshing || vault.busy()) {
        const left = deadline - clock.now();
        if (left <= 0) return;
        const waiting = Promise.all([refreshing?.done, vault.idle()]);
        if (!(await within(clock, waiting, left)).settled) return;
      }
    },

    async dispose() {
      disposed = true;
      if (state.kind === 'signing-in') {
        const { attempt } = state;
        attempt.abort(new AppError('sign_in_cancelled', 'Meeting Tray is closing.'));
        await attempt.woundDown;
      }
      scheduler?.stop();
      scheduler = null;
      await flow.closeResultPages();
      listeners.clear();
    },
  };
}
