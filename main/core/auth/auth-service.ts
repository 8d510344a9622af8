import type { Notice } from '../../../preload/contract.ts';
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
import type { AccessGrant, AuthService, AuthStatus } from './auth-service.types.ts';
import type { CreateLoopbackListener } from './loopback-listener.types.ts';
import { createOAuthClient } from './oauth-client.ts';
import { backoffDelayMs, minimumValidityMs, nextRefreshAt } from './refresh-schedule.ts';
import {
  createRefreshScheduler,
  type CheckReason,
  type RefreshScheduler,
} from './refresh-scheduler.ts';
import { createSignInFlow, toAppError } from './sign-in-flow.ts';
import { TokenRequestError } from './token-failure.ts';
import type { TokenSet } from './token-set.ts';
import { createTokenVault, tokenVaultKey } from './token-vault.ts';

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
  /** Jitter source, [0, 1). */
  random?: () => number;
  signInTimeoutMs?: number;
  /** Least validity a handed-out access token keeps (default 120 s). */
  minValidityMs?: number;
  revokeTimeoutMs?: number;
}

/** Non-secret facts about the session, kept in settings for the UI and diagnostics. */
export const SESSION_SETTINGS_KEY = 'auth.session';

const MIN_VALIDITY_MS = 120_000;
const REVOKE_TIMEOUT_MS = 5_000;

/**
 * Sign-in, token keeping, refresh and sign-out for one provider. Tokens never leave this
 * object except as an AccessGrant to main-process API clients, and are persisted only
 * through the keychain vault.
 */
export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { provider, clock, logger } = deps;
  const random = deps.random ?? Math.random;
  const minValidity = deps.minValidityMs ?? MIN_VALIDITY_MS;
  const client = createOAuthClient({ provider, fetch: deps.fetch, clock });
  const vault = createTokenVault({
    secrets: deps.secrets,
    key: tokenVaultKey(provider.server.issuer, provider.client.clientId),
    logger,
  });

  let status: AuthStatus = { kind: 'signed-out', reason: null };
  const listeners = new Set<(status: AuthStatus) => void>();
  let tokens: TokenSet | null = null;
  let refreshDueAt = Infinity;
  let refreshing: Promise<TokenSet> | null = null;
  let failures = 0;
  let blockedUntil = 0;
  let lastFailure: TokenRequestError | null = null;
  let scheduler: RefreshScheduler | null = null;

  const setStatus = (next: AuthStatus) => {
    status = next;
    for (const listener of [...listeners]) listener(next);
  };

  const grantOf = (current: TokenSet): AccessGrant => ({
    accessToken: current.accessToken,
    apiBaseUrl: current.apiBaseUrl,
  });

  // --- session lifecycle ------------------------------------------------------

  const adopt = (fresh: TokenSet) => {
    tokens = fresh;
    failures = 0;
    blockedUntil = 0;
    lastFailure = null;
    refreshDueAt = nextRefreshAt(fresh, random);
    scheduler ??= createRefreshScheduler({ clock, wake: deps.wake, check });
    scheduler.arm(refreshDueAt);
  };

  const forget = async (reason: Notice | null) => {
    tokens = null;
    refreshDueAt = Infinity;
    scheduler?.stop();
    scheduler = null;
    await vault.clear();
    deps.settings.delete(SESSION_SETTINGS_KEY);
    setStatus({ kind: 'signed-out', reason });
  };

  // --- refresh ------------------------------------------------------------------

  async function refreshOnce(): Promise<TokenSet> {
    const current = tokens;
    if (!current)
      throw new AppError('not_signed_in', 'You are not signed in to Zoom. Choose Sign in.');
    try {
      const fresh = await client.refresh(current.refreshToken);
      if (tokens !== current)
        throw new AppError(
          'not_signed_in',
          'You signed out while the session was being renewed. Choose Sign in.',
        );
      // Rotation safety: the new refresh token is in the keychain before the new access token is used.
      await vault.save(fresh);
      adopt(fresh);
      logger.info('access token refreshed', {
        expiresInSeconds: Math.round((fresh.expiresAt - clock.now()) / 1000),
      });
      return fresh;
    } catch (error) {
      if (error instanceof TokenRequestError && error.transient) {
        failures += 1;
        lastFailure = error;
        blockedUntil = clock.now() + backoffDelayMs(failures, error.retryAfterMs);
        scheduler?.arm(blockedUntil);
        logger.warn('token refresh failed; keeping the session', {
          code: error.code,
          failures,
          retryInSeconds: Math.round((blockedUntil - clock.now()) / 1000),
        });
        throw error;
      }
      if (error instanceof TokenRequestError && tokens === current) {
        logger.warn('token refresh refused; signing out', { code: error.code });
        await forget({ code: error.code, message: error.message });
      }
      throw toAppError(error);
    }
  }

  function refreshSingleFlight(): Promise<TokenSet> {
    if (refreshing) return refreshing;
    if (lastFailure && clock.now() < blockedUntil) return Promise.reject(lastFailure);
    refreshing = refreshOnce().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function check(reason: CheckReason) {
    if (!tokens || refreshing) return;
    if (
      (reason === 'resume' || reason === 'unlock' || reason === 'online') &&
      lastFailure?.code !== 'rate_limited'
    ) {
      blockedUntil = 0;
    }
    if (clock.now() >= Math.max(refreshDueAt, blockedUntil)) {
      refreshSingleFlight().catch(() => undefined);
    }
  }

  // --- sign-in ------------------------------------------------------------------

  const signInFlow = createSignInFlow({
    provider,
    client,
    clock,
    openBrowser: deps.openBrowser,
    logger,
    createLoopbackListener: deps.createLoopbackListener,
    timeoutMs: deps.signInTimeoutMs,
    status: () => status,
    setStatus,
    hasSession: () => tokens !== null,
    async establishSession(fresh) {
      await vault.save(fresh);
      adopt(fresh);
      deps.settings.set(SESSION_SETTINGS_KEY, {
        signedInAt: clock.now(),
        apiBaseUrl: fresh.apiBaseUrl,
      });
    },
    sessionOnly: () => vault.sessionOnlyNotice() !== null,
  });

  // --- the service ------------------------------------------------------------------

  return {
    async restore() {
      const stored = await vault.load();
      if (!stored) return;
      tokens = stored;
      if (stored.expiresAt - clock.now() >= minimumValidityMs(stored, minValidity)) {
        adopt(stored);
        setStatus({ kind: 'signed-in' });
        return;
      }
      setStatus({ kind: 'signed-in' });
      try {
        await refreshSingleFlight();
      } catch (error) {
        // Transient: keep the session and retry on the next trigger. Terminal: already signed out.
        scheduler ??= createRefreshScheduler({ clock, wake: deps.wake, check });
        scheduler.arm(blockedUntil);
        if (!(error instanceof TokenRequestError)) throw error;
      }
    },

    status: () => status,

    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    sessionOnlyNotice: () => vault.sessionOnlyNotice(),

    signIn: () => signInFlow.start(),

    cancelSignIn() {
      void signInFlow.cancel('Sign-in was cancelled.');
    },

    reopenSignInPage: () => signInFlow.reopen(),

    handleDeepLink: (url) => signInFlow.deliverDeepLink(url),

    async getAccessToken(options) {
      const current = tokens;
      if (!current)
        throw new AppError('not_signed_in', 'You are not signed in to Zoom. Choose Sign in.');
      const now = clock.now();
      // Several API calls can fail on the same token; only the first that finds it still current
      // refreshes (the others join it or use its result). Age is no guide: a refresh timer may
      // rotate even a young token away while a request is in flight with it.
      const force =
        options?.forceRefresh === true &&
        (options.rejectedAccessToken === undefined ||
          options.rejectedAccessToken === current.accessToken);
      if (!force && current.expiresAt - now >= minimumValidityMs(current, minValidity))
        return grantOf(current);
      try {
        return grantOf(await refreshSingleFlight());
      } catch (error) {
        // A transient failure leaves a still-valid token usable; an expired one is not.
        const stillValid = tokens !== null && tokens.expiresAt > clock.now();
        if (
          error instanceof TokenRequestError &&
          error.transient &&
          stillValid &&
          !options?.forceRefresh &&
          tokens
        )
          return grantOf(tokens);
        throw error;
      }
    },

    async signOut() {
      await signInFlow.cancel('You signed out.');
      if (refreshing) await refreshing.catch(() => undefined);
      const current = tokens;
      tokens = null;
      scheduler?.stop();
      scheduler = null;
      let serverRevoked = current === null;
      if (current && provider.server.revocation_endpoint) {
        const controller = new AbortController();
        const timer = clock.setTimeout(
          () => controller.abort(),
          deps.revokeTimeoutMs ?? REVOKE_TIMEOUT_MS,
        );
        try {
          await client.revoke(current.refreshToken, 'refresh_token', controller.signal);
          serverRevoked = true;
        } catch (error) {
          logger.warn('could not revoke at the server; deleting local secrets anyway', {
            error: error instanceof Error ? error.name : 'unknown',
          });
        } finally {
          clock.clearTimeout(timer);
        }
      }
      await forget(null);
      logger.info('signed out', { serverRevoked });
      return { serverRevoked };
    },

    async dispose() {
      await signInFlow.cancel('Meeting Tray is closing.');
      scheduler?.stop();
      scheduler = null;
      await signInFlow.closeResultPages();
      listeners.clear();
    },
  };
}
