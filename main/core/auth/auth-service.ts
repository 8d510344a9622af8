import type { Notice } from '../../../preload/contract.ts';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { AppError, isAppError } from '../errors.ts';
import type {
  BrowserOpener,
  Clock,
  Fetch,
  Logger,
  SecretStore,
  SettingsStore,
  TimerHandle,
  WakeEvents,
} from '../ports.ts';
import type { AccessGrant, AuthService, AuthStatus } from './auth-service.types.ts';
import { buildAuthorizationUrl } from './authorization-url.ts';
import { SIGNED_IN_PAGE } from './callback-page.ts';
import { parseDeepLinkCallback } from './deep-link.ts';
import type { CreateLoopbackListener, LoopbackListener } from './loopback-listener.types.ts';
import { createOAuthClient } from './oauth-client.ts';
import { createPkcePair, createState } from './pkce.ts';
import { backoffDelayMs, minimumValidityMs, nextRefreshAt } from './refresh-schedule.ts';
import {
  createRefreshScheduler,
  type CheckReason,
  type RefreshScheduler,
} from './refresh-scheduler.ts';
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

const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
const MIN_VALIDITY_MS = 120_000;
const REVOKE_TIMEOUT_MS = 5_000;
/** A forced refresh this soon after the last one reuses it: several API calls may hit the same 401. */
const FORCED_REFRESH_GRACE_MS = 10_000;

interface PendingFlow {
  state: string;
  authorizationUrl: string;
  abort(error: AppError): void;
  deliverDeepLink: ((url: URL) => void) | null;
  done: Promise<void>;
}

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError('unknown', 'Sign-in failed unexpectedly. Please try again.', {
    cause: error,
  });
}

function sameSecret(a: string | null, b: string): boolean {
  if (a === null || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

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
  let flow: PendingFlow | null = null;
  const lingering = new Set<LoopbackListener>();

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

  async function openBrowser(url: string) {
    try {
      await deps.openBrowser(url);
    } catch (error) {
      // Stay in signing-in: the UI offers "open again" and "copy link" with the URL from status().
      logger.warn('could not open the browser for sign-in', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  /** Created synchronously on every signIn call, so a second call always sees and replaces the first. */
  function createPendingFlow(): PendingFlow & {
    aborted: Promise<never>;
    deepLink: Promise<URL>;
    settle(): void;
  } {
    let abort!: (error: AppError) => void;
    const aborted = new Promise<never>((_, reject) => {
      abort = reject;
    });
    aborted.catch(() => undefined);
    let deliverDeepLink!: (url: URL) => void;
    const deepLink = new Promise<URL>((resolve) => {
      deliverDeepLink = resolve;
    });
    let settle!: () => void;
    const done = new Promise<void>((resolve) => {
      settle = resolve;
    });
    return {
      state: createState(),
      authorizationUrl: '',
      abort,
      deliverDeepLink,
      done,
      aborted,
      deepLink,
      settle,
    };
  }

  async function runFlow(pending: ReturnType<typeof createPendingFlow>): Promise<void> {
    const { state, aborted } = pending;
    const previous = status;
    let listener: LoopbackListener | null = null;
    const timeout: TimerHandle = clock.setTimeout(
      () =>
        pending.abort(
          new AppError(
            'sign_in_timeout',
            'Sign-in timed out after 5 minutes without an answer from the browser. Choose Sign in to try again.',
          ),
        ),
      deps.signInTimeoutMs ?? SIGN_IN_TIMEOUT_MS,
    );
    setStatus({ kind: 'signing-in', authorizationUrl: null });
    try {
      const pkce = await createPkcePair();
      let redirectUri: string;
      if (provider.redirect.kind === 'loopback') {
        const creating = deps.createLoopbackListener({ expectedState: state });
        // Listen before opening the browser; if cancelled meanwhile, close the late server.
        listener = await Promise.race([creating, aborted]).catch((error: unknown) => {
          creating
            .then(
              (late) => late.close(),
              () => undefined,
            )
            .catch(() => undefined);
          throw error;
        });
        redirectUri = listener.redirectUri;
      } else {
        redirectUri = provider.redirect.uri;
      }
      const authorizationUrl = buildAuthorizationUrl(provider.server, {
        clientId: provider.client.clientId,
        redirectUri,
        state,
        codeChallenge: pkce.challenge,
        ...(provider.scope ? { scope: provider.scope } : {}),
      }).href;
      pending.authorizationUrl = authorizationUrl;
      setStatus({ kind: 'signing-in', authorizationUrl });
      await openBrowser(authorizationUrl);
      const callbackUrl = await Promise.race([
        listener ? listener.callback : pending.deepLink,
        aborted,
      ]);
      const params = client.validateCallback(callbackUrl, state);
      const fresh = await Promise.race([
        client.exchangeCode(params, redirectUri, pkce.verifier),
        aborted,
      ]);
      await vault.save(fresh);
      adopt(fresh);
      deps.settings.set(SESSION_SETTINGS_KEY, {
        signedInAt: clock.now(),
        apiBaseUrl: fresh.apiBaseUrl,
      });
      listener?.finish(SIGNED_IN_PAGE);
      logger.info('signed in', { sessionOnly: vault.sessionOnlyNotice() !== null });
      setStatus({ kind: 'signed-in' });
    } catch (error) {
      const failure = toAppError(error);
      listener?.finish({ ok: false, title: 'Sign-in did not complete', message: failure.message });
      logger.warn('sign-in did not complete', { code: failure.code });
      const reason =
        failure.code === 'sign_in_cancelled'
          ? null
          : { code: failure.code, message: failure.message };
      if (tokens) setStatus({ kind: 'signed-in' });
      else if (!reason && previous.kind === 'signed-out') setStatus(previous);
      else setStatus({ kind: 'signed-out', reason });
      throw failure;
    } finally {
      clock.clearTimeout(timeout);
      if (listener) lingering.add(listener);
    }
  }

  /** Result pages stay up a few seconds; a new sign-in or dispose closes them at once. */
  async function closeLingering() {
    const closing = [...lingering].map((listener) => listener.close());
    lingering.clear();
    await Promise.all(closing);
  }

  async function cancelPending(message: string) {
    const current = flow;
    if (!current) return;
    current.abort(new AppError('sign_in_cancelled', message));
    await current.done.catch(() => undefined);
  }

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

    async signIn() {
      // One flow at a time: a second click replaces the first, so there are never two servers.
      const previous = flow;
      const mine = createPendingFlow();
      flow = mine;
      try {
        if (previous) {
          previous.abort(new AppError('sign_in_cancelled', 'A new sign-in was started.'));
          await previous.done;
        }
        if (flow !== mine) throw new AppError('sign_in_cancelled', 'A new sign-in was started.');
        await closeLingering();
        await runFlow(mine);
      } finally {
        if (flow === mine) flow = null;
        mine.settle();
      }
    },

    cancelSignIn() {
      flow?.abort(new AppError('sign_in_cancelled', 'Sign-in was cancelled.'));
    },

    async reopenSignInPage() {
      if (!flow)
        throw new AppError(
          'not_signed_in',
          'There is no sign-in in progress. Choose Sign in to start one.',
        );
      await openBrowser(flow.authorizationUrl);
    },

    handleDeepLink(url) {
      const current = flow;
      if (!current?.deliverDeepLink || provider.redirect.kind !== 'custom-scheme') return false;
      const parsed = parseDeepLinkCallback(url, provider.redirect.uri);
      if (!parsed || !sameSecret(parsed.searchParams.get('state'), current.state)) return false;
      const deliver = current.deliverDeepLink;
      current.deliverDeepLink = null;
      deliver(parsed);
      return true;
    },

    async getAccessToken(options) {
      const current = tokens;
      if (!current)
        throw new AppError('not_signed_in', 'You are not signed in to Zoom. Choose Sign in.');
      const now = clock.now();
      const force =
        options?.forceRefresh === true && now - current.obtainedAt >= FORCED_REFRESH_GRACE_MS;
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
      await cancelPending('You signed out.');
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
      await cancelPending('Meeting Tray is closing.');
      scheduler?.stop();
      scheduler = null;
      await closeLingering();
      listeners.clear();
    },
  };
}
