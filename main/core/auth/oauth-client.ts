import * as oauth from 'oauth4webapi';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { isLoopbackUrl } from '../config/endpoint-url.ts';
import { AppError } from '../errors.ts';
import { fetchWithin, type WireReply } from '../net/fetch-within.ts';
import { isWireError } from '../net/wire-error.ts';
import type { Clock, Fetch, Logger } from '../ports.ts';
import { chooseApiBaseUrl } from '../zoom/api-base-url.ts';
import {
  classifyTokenFailure,
  readOAuthErrorBody,
  TokenRequestError,
  ZOOM_WORDING,
  type TokenCall,
  type TokenFailureInput,
} from './token-failure.ts';
import { tokenLifetimeSeconds, type TokenSet } from './token-set.ts';

export interface OAuthClient {
  /** Checks state and error in the redirect; returns the parameters to exchange. */
  validateCallback(callback: URL, expectedState: string): URLSearchParams;
  /** `verifier` null: the server does not use PKCE (Fathom), so none is sent. */
  exchangeCode(
    params: URLSearchParams,
    redirectUri: string,
    verifier: string | null,
    signal?: AbortSignal,
  ): Promise<TokenSet>;
  refresh(refreshToken: string, signal?: AbortSignal): Promise<TokenSet>;
  /** Resolves when the server confirmed; rejects otherwise (including on abort or deadline). */
  revoke(
    token: string,
    tokenTypeHint: 'refresh_token' | 'access_token',
    signal?: AbortSignal,
  ): Promise<void>;
}

export interface OAuthClientDeps {
  provider: AuthProviderConfig;
  fetch: Fetch;
  clock: Clock;
  /** Warnings about the server's answers (never with a token in them). */
  logger?: Logger;
  /** Total time for one code exchange or refresh, body included. Default 15 s. */
  tokenDeadlineMs?: number;
  /** Total time for one revocation, body included. Default 5 s: sign-out must not hang. */
  revokeDeadlineMs?: number;
  /** Longest token or revocation answer read. Default 64 KiB; a real one is under 2 KiB. */
  maxResponseBytes?: number;
}

export const TOKEN_DEADLINE_MS = 15_000;
export const REVOKE_DEADLINE_MS = 5_000;
export const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

/** A token answer that passed our checks and oauth4webapi's. */
interface TokenAnswer {
  body: oauth.TokenEndpointResponse;
  /** `expires_in` as sent, before oauth4webapi's stricter checks could reject the answer. */
  rawExpiresIn: unknown;
}

/**
 * The protocol, via oauth4webapi: build a request, send it within a deadline and a size limit,
 * then process the answer. Every failure leaves as a classified TokenRequestError.
 */
export function createOAuthClient(deps: OAuthClientDeps): OAuthClient {
  const { provider, clock, logger } = deps;
  const server = provider.server;
  const client: oauth.Client = { client_id: provider.client.clientId };
  const wording = provider.wording ?? ZOOM_WORDING;
  const clientAuth = clientAuthentication(provider);
  const maxBytes = deps.maxResponseBytes ?? MAX_TOKEN_RESPONSE_BYTES;

  const fail = (input: TokenFailureInput, call: TokenCall, cause?: unknown): TokenRequestError =>
    new TokenRequestError(classifyTokenFailure(input, call, clock.now(), wording), { cause });

  /**
   * Builds a request with oauth4webapi and sends it through the Fetch port within the deadline.
   * oauth4webapi then sees a Response whose body is already read and bounded.
   */
  async function send(
    call: TokenCall,
    endpoint: string | undefined,
    deadlineMs: number,
    signal: AbortSignal | undefined,
    build: (options: oauth.TokenEndpointRequestOptions) => Promise<Response>,
  ): Promise<WireReply> {
    const sent: { reply?: WireReply } = {};
    const customFetch = async (
      url: string,
      init: oauth.CustomFetchOptions<'POST', URLSearchParams>,
    ) => {
      const reply = await fetchWithin(deps.fetch, url, init, { deadlineMs, maxBytes, signal });
      sent.reply = reply;
      return new Response(nullBodyStatus(reply.status) ? null : reply.text, {
        status: reply.status,
        headers: reply.headers,
      });
    };
    try {
      await build({
        [oauth.allowInsecureRequests]: endpoint !== undefined && isLoopbackUrl(endpoint),
        [oauth.customFetch]: customFetch,
      });
    } catch (error) {
      if (!isWireError(error)) throw fail({ kind: 'not_sent' }, call, error);
      if (error.kind === 'timeout') throw fail({ kind: 'timeout', deadlineMs }, call, error);
      if (error.kind === 'too_large') throw fail({ kind: 'too_large', maxBytes }, call, error);
      if (error.kind === 'aborted') throw fail({ kind: 'aborted', reason: error.cause }, call);
      throw fail({ kind: 'network' }, call, error);
    }
    if (!sent.reply) throw fail({ kind: 'not_sent' }, call);
    return sent.reply;
  }

  /** Anything but 200 is classified from its status and, only if JSON, its OAuth error body. */
  function refusal(reply: WireReply, call: TokenCall): TokenRequestError {
    const oauthError = readOAuthErrorBody(reply.headers, reply.text);
    return fail(
      {
        kind: 'http',
        status: reply.status,
        retryAfter: reply.headers.get('retry-after'),
        ...(oauthError ?? {}),
      },
      call,
    );
  }

  /**
   * A 200 is adopted whenever it carries a usable access token: oauth4webapi rejects an odd
   * `expires_in` or an empty `refresh_token`, which would drop a refresh token Zoom has already
   * rotated. Those fields are judged here instead (RFC 6749 §6 lets a refresh answer omit the
   * refresh token); every other check stays oauth4webapi's.
   */
  async function processTokenAnswer(
    reply: WireReply,
    call: TokenCall,
    process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
  ): Promise<TokenAnswer> {
    if (reply.status !== 200) throw refusal(reply, call);
    let json: unknown;
    try {
      json = JSON.parse(reply.text);
    } catch (error) {
      throw fail({ kind: 'http', status: reply.status }, call, error);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw fail({ kind: 'http', status: reply.status }, call);
    const { expires_in: rawExpiresIn, ...fields } = json as Record<string, unknown>;
    if (fields['refresh_token'] === '') delete fields['refresh_token'];
    if (typeof fields['token_type'] !== 'string') fields['token_type'] = 'bearer';
    if (fields['scope'] !== undefined && typeof fields['scope'] !== 'string')
      delete fields['scope'];
    try {
      const body = await process(
        new Response(JSON.stringify(fields), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      );
      return { body, rawExpiresIn };
    } catch (error) {
      throw fail({ kind: 'http', status: reply.status }, call, error);
    }
  }

  const toTokenSet = (
    answer: TokenAnswer,
    sentAt: number,
    previousRefreshToken?: string,
  ): TokenSet => {
    const refreshToken = answer.body.refresh_token ?? previousRefreshToken;
    if (!refreshToken) {
      throw new AppError(
        'token_exchange_failed',
        wording.name === 'Zoom'
          ? 'Zoom did not return a refresh token, so the session could not be kept. Check the app type in the Zoom Marketplace.'
          : `${wording.name} did not return a refresh token, so the session could not be kept. Please connect again.`,
      );
    }
    const api = chooseApiBaseUrl(answer.body['api_url'], provider.apiBaseUrl);
    if (api.rejected) {
      logger?.warn('ignoring an api_url outside the configured API domain', {
        apiUrlHost: api.hintHost,
        using: api.apiBaseUrl,
      });
    }
    return {
      accessToken: answer.body.access_token,
      refreshToken,
      obtainedAt: sentAt,
      expiresAt: sentAt + tokenLifetimeSeconds(answer.rawExpiresIn) * 1000,
      apiBaseUrl: api.apiBaseUrl,
    };
  };

  return {
    validateCallback(callback, expectedState) {
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(server, client, callback, expectedState);
      } catch (error) {
        if (error instanceof oauth.AuthorizationResponseError) {
          if (error.error === 'access_denied') {
            throw new AppError(
              'access_denied',
              'You declined access in the browser, so Meeting Tray is not signed in. Choose Sign in to try again.',
              { cause: error },
            );
          }
          const detail = error.error_description ?? error.error;
          throw new AppError(
            'token_exchange_failed',
            `${wording.name} could not complete the sign-in (${detail}). Please try again.`,
            { cause: error },
          );
        }
        throw new AppError(
          'invalid_callback',
          'The sign-in response did not match this sign-in. Please try again.',
          { cause: error },
        );
      }
      if (!params.get('code')) {
        throw new AppError(
          'invalid_callback',
          'The sign-in response carried no authorization code. Please sign in again.',
        );
      }
      return params;
    },

    async exchangeCode(params, redirectUri, verifier, signal) {
      const sentAt = clock.now();
      const reply = await send(
        'authorization_code',
        server.token_endpoint,
        deps.tokenDeadlineMs ?? TOKEN_DEADLINE_MS,
        signal,
        (options) =>
          oauth.authorizationCodeGrantRequest(
            server,
            client,
            clientAuth,
            params,
            redirectUri,
            verifier ?? oauth.nopkce,
            options,
          ),
      );
      const answer = await processTokenAnswer(reply, 'authorization_code', (r) =>
        oauth.processAuthorizationCodeResponse(server, client, r),
      );
      return toTokenSet(answer, sentAt);
    },

    async refresh(refreshToken, signal) {
      const sentAt = clock.now();
      const reply = await send(
        'refresh_token',
        server.token_endpoint,
        deps.tokenDeadlineMs ?? TOKEN_DEADLINE_MS,
        signal,
        (options) =>
          oauth.refreshTokenGrantRequest(server, client, clientAuth, refreshToken, options),
      );
      const answer = await processTokenAnswer(reply, 'refresh_token', (r) =>
        oauth.processRefreshTokenResponse(server, client, r),
      );
      return toTokenSet(answer, sentAt, refreshToken);
    },

    async revoke(token, tokenTypeHint, signal) {
      if (!server.revocation_endpoint)
        throw new AppError('config_invalid', 'This sign-in server has no revocation endpoint.');
      const reply = await send(
        'revocation',
        server.revocation_endpoint,
        deps.revokeDeadlineMs ?? REVOKE_DEADLINE_MS,
        signal,
        (options) =>
          oauth.revocationRequest(server, client, clientAuth, token, {
            ...options,
            additionalParameters: { token_type_hint: tokenTypeHint },
          }),
      );
      if (reply.status !== 200) throw refusal(reply, 'revocation');
    },
  };
}

/**
 * No secret: a public client (client_id in the body). A secret goes in HTTP Basic by default
 * (Zoom), or in the form body beside client_id when the provider asks for it (Fathom).
 */
function clientAuthentication(provider: AuthProviderConfig): oauth.ClientAuth {
  const { clientSecret, secretIn } = provider.client;
  if (!clientSecret) return oauth.None();
  return secretIn === 'body'
    ? oauth.ClientSecretPost(clientSecret)
    : oauth.ClientSecretBasic(clientSecret);
}

/** Statuses whose Response may not carry a body (Fetch standard). */
function nullBodyStatus(status: number): boolean {
  return status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
}
