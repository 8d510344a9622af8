import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { AppError, isAppError } from '../errors.ts';
import type { BrowserOpener, Clock, Logger } from '../ports.ts';
import { buildAuthorizationUrl } from './authorization-url.ts';
import { signedInPage } from './callback-page.ts';
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
}

/** One browser sign-in, from PKCE to exchanged tokens. The auth service holds it in its state. */
export interface SignInAttempt {
  /** Resolves with the exchanged tokens; rejects with an AppError (access_denied, timeout, …). */
  readonly tokens: Promise<TokenSet>;
  /** Ends the attempt with `error` unless it has already ended; `wound down` settles after. */
  abort(error: AppError): void;
  /** Settles once the attempt has let go of its listener, whichever way it ended. */
  readonly woundDown: Promise<void>;
  /** Feeds a custom-scheme callback; false when it is not for this attempt. */
  deliverDeepLink(url: string): boolean;
  /**
   * Answers the browser tab once the caller has decided: signed in, or why not. Until then
   * the tab waits, so it never says "signed in" for tokens that were then thrown away.
   */
  finish(outcome: { ok: true } | { ok: false; message: string }): void;
}

export interface SignInFlow {
  /**
   * Starts an attempt. It waits for `after` (the attempt it replaces) to wind down before it
   * listens, so there are never two loopback servers; `onAuthorizationUrl` hears the URL once
   * the browser can be sent there.
   */
  start(options: {
    after?: Promise<void>;
    onAuthorizationUrl: (url: string) => void;
  }): SignInAttempt;
  /** Opens a URL in the browser; a failure is logged (the UI offers "open again"). */
  openBrowser(url: string): Promise<void>;
  /** Result pages stay up a few seconds; a new sign-in or dispose closes them at once. */
  closeResultPages(): Promise<void>;
}

const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

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

/**
 * A fixed loopback redirect must be exactly what the provider has registered: a listener
 * factory that dropped the port or path (an old binding) would send a URI it refuses.
 */
function matchesFixedRedirect(redirectUri: string, port?: number, path?: string): boolean {
  const url = URL.parse(redirectUri);
  if (!url) return false;
  if (port !== undefined && url.port !== String(port)) return false;
  return path === undefined || url.pathname === path;
}

/** A promise settled from outside, for abort and deep-link delivery. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * The browser sign-in: PKCE, a loopback listener or deep-link delivery, timeout and cancel.
 * The codes and verifier it handles are never logged.
 */
export function createSignInFlow(deps: SignInFlowDeps): SignInFlow {
  const { provider, client, clock, logger } = deps;
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

  async function closeResultPages() {
    const closing = [...lingering].map((listener) => listener.close());
    lingering.clear();
    await Promise.all(closing);
  }

  function start(options: {
    after?: Promise<void>;
    onAuthorizationUrl: (url: string) => void;
  }): SignInAttempt {
    const state = createState();
    const aborted = deferred<never>();
    aborted.promise.catch(() => undefined);
    const deepLink = deferred<URL>();
    const outcome = deferred<{ ok: true } | { ok: false; message: string }>();
    let waitingForDeepLink = provider.redirect.kind === 'custom-scheme';
    let listener: LoopbackListener | null = null;

    async function run(): Promise<TokenSet> {
      await Promise.race([options.after, aborted.promise]);
      await closeResultPages();
      // Without PKCE (Fathom) no verifier exists and no challenge is sent.
      const pkce = provider.pkce === false ? null : await createPkcePair();
      let redirectUri: string;
      if (provider.redirect.kind === 'loopback') {
        const { port, path } = provider.redirect;
        const creating = deps.createLoopbackListener({
          expectedState: state,
          ...(port !== undefined ? { fixedPort: port } : {}),
          ...(path !== undefined ? { path } : {}),
        });
        // Listen before opening the browser; if aborted meanwhile, close the late server.
        listener = await Promise.race([creating, aborted.promise]).catch((error: unknown) => {
          creating.then(
            (late) => late.close(),
            () => undefined,
          );
          throw error;
        });
        redirectUri = listener.redirectUri;
        if (!matchesFixedRedirect(redirectUri, port, path)) {
          throw new AppError(
            'config_invalid',
            'The sign-in helper did not listen at the fixed redirect address. Restart Meeting Tray and try again.',
          );
        }
      } else {
        redirectUri = provider.redirect.uri;
      }
      const authorizationUrl = buildAuthorizationUrl(provider.server, {
        clientId: provider.client.clientId,
        redirectUri,
        state,
        ...(pkce ? { codeChallenge: pkce.challenge } : {}),
        ...(provider.scope ? { scope: provider.scope } : {}),
      }).href;
      options.onAuthorizationUrl(authorizationUrl);
      await openBrowser(authorizationUrl);
      const callbackUrl = await Promise.race([
        listener ? listener.callback : deepLink.promise,
        aborted.promise,
      ]);
      const params = client.validateCallback(callbackUrl, state);
      return await Promise.race([
        client.exchangeCode(params, redirectUri, pkce?.verifier ?? null),
        aborted.promise,
      ]);
    }

    const timeout = clock.setTimeout(
      () =>
        aborted.reject(
          new AppError(
            'sign_in_timeout',
            'Sign-in timed out after 5 minutes without an answer from the browser. Choose Sign in to try again.',
          ),
        ),
      deps.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
    );
    const tokens = run().catch((error: unknown) => {
      const failure = toAppError(error);
      outcome.resolve({ ok: false, message: failure.message });
      throw failure;
    });
    tokens.catch(() => undefined);
    // The tab gets its answer (success only once the caller adopted the tokens), then lingers.
    const woundDown = tokens
      .then(
        () => outcome.promise,
        () => outcome.promise,
      )
      .then((result) => {
        waitingForDeepLink = false;
        clock.clearTimeout(timeout);
        const page = result.ok
          ? signedInPage(provider.wording?.name ?? 'Zoom')
          : { ok: false, title: 'Sign-in did not complete', message: result.message };
        const current = listener as LoopbackListener | null;
        if (current) {
          current.finish(page);
          lingering.add(current);
        }
      });

    return {
      tokens,
      woundDown,
      abort: (error) => aborted.reject(error),
      deliverDeepLink(url) {
        if (!waitingForDeepLink || provider.redirect.kind !== 'custom-scheme') return false;
        const parsed = parseDeepLinkCallback(url, provider.redirect.uri);
        if (!parsed || !sameSecret(parsed.searchParams.get('state'), state)) return false;
        waitingForDeepLink = false;
        deepLink.resolve(parsed);
        return true;
      },
      finish: (result) => outcome.resolve(result),
    };
  }

  return { start, openBrowser, closeResultPages };
}
