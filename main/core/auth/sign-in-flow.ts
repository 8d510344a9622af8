import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { AppError, isAppError } from '../errors.ts';
import type { BrowserOpener, Clock, Logger, TimerHandle } from '../ports.ts';
import type { AuthStatus } from './auth-service.types.ts';
import { buildAuthorizationUrl } from './authorization-url.ts';
import { SIGNED_IN_PAGE } from './callback-page.ts';
import { parseDeepLinkCallback } from './deep-link.ts';
import type { CreateLoopbackListener, LoopbackListener } from './loopback-listener.types.ts';
import type { OAuthClient } from './oauth-client.ts';
import { createPkcePair, createState } from './pkce.ts';
import type { TokenSet } from './token-set.ts';

export interface SignInFlowDeps {
  provider: AuthProviderConfig;
  client: OAuthClient;
  clock: Clock;
  openBrowser: BrowserOpener;
  logger: Logger;
  createLoopbackListener: CreateLoopbackListener;
  timeoutMs?: number;
  /** The service owns the status; the flow drives it through signing-in and back. */
  status(): AuthStatus;
  setStatus(next: AuthStatus): void;
  /** A failed sign-in keeps an existing session rather than reporting signed-out. */
  hasSession(): boolean;
  /** Persists and adopts the new tokens; a throw fails the sign-in like any other error. */
  establishSession(fresh: TokenSet): Promise<void>;
  sessionOnly(): boolean;
}

export interface SignInFlow {
  /** Runs the whole browser sign-in, replacing any flow already pending. */
  start(): Promise<void>;
  /** Aborts the pending flow, if any; resolves once it has wound down. */
  cancel(message: string): Promise<void>;
  /** Opens the pending authorization URL again. */
  reopen(): Promise<void>;
  /** Feeds a custom-scheme callback; false when no flow is waiting for it. */
  deliverDeepLink(url: string): boolean;
  /** Result pages stay up a few seconds; a new sign-in or dispose closes them at once. */
  closeResultPages(): Promise<void>;
}

const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

interface PendingFlow {
  state: string;
  authorizationUrl: string;
  abort(error: AppError): void;
  deliverDeepLink: ((url: URL) => void) | null;
  done: Promise<void>;
  aborted: Promise<never>;
  deepLink: Promise<URL>;
  settle(): void;
}

export function toAppError(error: unknown): AppError {
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

/** Created synchronously on every start call, so a second call always sees and replaces the first. */
function createPendingFlow(): PendingFlow {
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

/**
 * The browser sign-in: PKCE, a loopback listener or deep-link delivery, timeout and cancel.
 * One flow at a time; the codes and verifier it handles are never logged.
 */
export function createSignInFlow(deps: SignInFlowDeps): SignInFlow {
  const { provider, client, clock, logger } = deps;
  let flow: PendingFlow | null = null;
  const lingering = new Set<LoopbackListener>();

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

  async function runFlow(pending: PendingFlow): Promise<void> {
    const { state, aborted } = pending;
    const previous = deps.status();
    let listener: LoopbackListener | null = null;
    const timeout: TimerHandle = clock.setTimeout(
      () =>
        pending.abort(
          new AppError(
            'sign_in_timeout',
            'Sign-in timed out after 5 minutes without an answer from the browser. Choose Sign in to try again.',
          ),
        ),
      deps.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
    );
    deps.setStatus({ kind: 'signing-in', authorizationUrl: null });
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
      deps.setStatus({ kind: 'signing-in', authorizationUrl });
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
      await deps.establishSession(fresh);
      listener?.finish(SIGNED_IN_PAGE);
      logger.info('signed in', { sessionOnly: deps.sessionOnly() });
      deps.setStatus({ kind: 'signed-in' });
    } catch (error) {
      const failure = toAppError(error);
      listener?.finish({ ok: false, title: 'Sign-in did not complete', message: failure.message });
      logger.warn('sign-in did not complete', { code: failure.code });
      const reason =
        failure.code === 'sign_in_cancelled'
          ? null
          : { code: failure.code, message: failure.message };
      if (deps.hasSession()) deps.setStatus({ kind: 'signed-in' });
      else if (!reason && previous.kind === 'signed-out') deps.setStatus(previous);
      else deps.setStatus({ kind: 'signed-out', reason });
      throw failure;
    } finally {
      clock.clearTimeout(timeout);
      if (listener) lingering.add(listener);
    }
  }

  async function closeLingering() {
    const closing = [...lingering].map((listener) => listener.close());
    lingering.clear();
    await Promise.all(closing);
  }

  return {
    async start() {
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

    async cancel(message) {
      const current = flow;
      if (!current) return;
      current.abort(new AppError('sign_in_cancelled', message));
      await current.done.catch(() => undefined);
    },

    async reopen() {
      if (!flow)
        throw new AppError(
          'not_signed_in',
          'There is no sign-in in progress. Choose Sign in to start one.',
        );
      await openBrowser(flow.authorizationUrl);
    },

    deliverDeepLink(url) {
      const current = flow;
      if (!current?.deliverDeepLink || provider.redirect.kind !== 'custom-scheme') return false;
      const parsed = parseDeepLinkCallback(url, provider.redirect.uri);
      if (!parsed || !sameSecret(parsed.searchParams.get('state'), current.state)) return false;
      const deliver = current.deliverDeepLink;
      current.deliverDeepLink = null;
      deliver(parsed);
      return true;
    },

    closeResultPages: closeLingering,
  };
}
