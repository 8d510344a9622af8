import * as oauth from 'oauth4webapi';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import { isLoopbackUrl, joinUrl } from '../config/endpoint-url.ts';
import { AppError } from '../errors.ts';
import type { Clock, Fetch } from '../ports.ts';
import { classifyTokenFailure, TokenRequestError, type TokenGrant } from './token-failure.ts';
import type { TokenSet } from './token-set.ts';

/** Used when a server omits expires_in: Zoom's access tokens last one hour. */
const DEFAULT_LIFETIME_SECONDS = 3600;

export interface OAuthClient {
  /** Checks state and error in the redirect; returns the parameters to exchange. */
  validateCallback(callback: URL, expectedState: string): URLSearchParams;
  exchangeCode(params: URLSearchParams, redirectUri: string, verifier: string): Promise<TokenSet>;
  refresh(refreshToken: string): Promise<TokenSet>;
  /** Resolves when the server confirmed; rejects otherwise (including on abort). */
  revoke(
    token: string,
    tokenTypeHint: 'refresh_token' | 'access_token',
    signal: AbortSignal,
  ): Promise<void>;
}

export interface OAuthClientDeps {
  provider: AuthProviderConfig;
  fetch: Fetch;
  clock: Clock;
}

/** Only a well-formed https (or loopback) `api_url` may receive our bearer tokens. */
function apiBaseFrom(apiUrl: unknown, fallback: string): string {
  if (typeof apiUrl !== 'string') return fallback;
  const url = URL.parse(apiUrl);
  if (!url || url.search || url.hash || url.username) return fallback;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url)))
    return fallback;
  return joinUrl(url.origin + url.pathname, '/v2');
}

/** The protocol, via oauth4webapi: build a request, then process its response. */
export function createOAuthClient(deps: OAuthClientDeps): OAuthClient {
  const { provider, clock } = deps;
  const server = provider.server;
  const client: oauth.Client = { client_id: provider.client.clientId };
  const clientAuth = provider.client.clientSecret
    ? oauth.ClientSecretBasic(provider.client.clientSecret)
    : oauth.None();
  const requestOptions = (endpoint: string | undefined, signal?: AbortSignal) => ({
    [oauth.allowInsecureRequests]: endpoint !== undefined && isLoopbackUrl(endpoint),
    [oauth.customFetch]: (
      url: string,
      options: oauth.CustomFetchOptions<'POST', URLSearchParams>,
    ) => deps.fetch(url, options),
    ...(signal ? { signal } : {}),
  });

  const toTokenSet = (
    response: oauth.TokenEndpointResponse,
    sentAt: number,
    previousRefreshToken?: string,
  ): TokenSet => {
    const refreshToken = response.refresh_token ?? previousRefreshToken;
    if (!refreshToken) {
      throw new AppError(
        'token_exchange_failed',
        'Zoom did not return a refresh token, so the session could not be kept. Check the app type in the Zoom Marketplace.',
      );
    }
    const lifetime =
      typeof response.expires_in === 'number' && response.expires_in > 0
        ? response.expires_in
        : DEFAULT_LIFETIME_SECONDS;
    return {
      accessToken: response.access_token,
      refreshToken,
      obtainedAt: sentAt,
      expiresAt: sentAt + lifetime * 1000,
      apiBaseUrl: apiBaseFrom(response.api_url, provider.apiBaseUrl),
    };
  };

  /** Sends, then processes; every failure leaves as a classified TokenRequestError. */
  async function tokenRequest(
    grant: TokenGrant,
    send: () => Promise<Response>,
    process: (r: Response) => Promise<oauth.TokenEndpointResponse>,
  ) {
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      throw new TokenRequestError(classifyTokenFailure({ kind: 'network' }, grant, clock.now()), {
        cause: error,
      });
    }
    if (response.status === 429 || response.status >= 500) {
      const failure = classifyTokenFailure(
        { kind: 'http', status: response.status, retryAfter: response.headers.get('retry-after') },
        grant,
        clock.now(),
      );
      await response.body?.cancel();
      throw new TokenRequestError(failure);
    }
    try {
      return await process(response);
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError) {
        const reason = typeof error.cause.reason === 'string' ? error.cause.reason : undefined;
        throw new TokenRequestError(
          classifyTokenFailure(
            {
              kind: 'http',
              status: error.status,
              error: error.error,
              ...(reason ? { reason } : {}),
            },
            grant,
            clock.now(),
          ),
          { cause: error },
        );
      }
      if (error instanceof oauth.WWWAuthenticateChallengeError) {
        throw new TokenRequestError(
          classifyTokenFailure(
            { kind: 'http', status: error.status, error: 'invalid_client' },
            grant,
            clock.now(),
          ),
          { cause: error },
        );
      }
      throw new TokenRequestError(
        classifyTokenFailure({ kind: 'http', status: response.status }, grant, clock.now()),
        { cause: error },
      );
    }
  }

  return {
    validateCallback(callback, expectedState) {
      try {
        return oauth.validateAuthResponse(server, client, callback, expectedState);
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
            `Zoom could not complete the sign-in (${detail}). Please try again.`,
            { cause: error },
          );
        }
        throw new AppError(
          'invalid_callback',
          'The sign-in response did not match this sign-in. Please try again.',
          { cause: error },
        );
      }
    },

    async exchangeCode(params, redirectUri, verifier) {
      const sentAt = clock.now();
      const response = await tokenRequest(
        'authorization_code',
        () =>
          oauth.authorizationCodeGrantRequest(
            server,
            client,
            clientAuth,
            params,
            redirectUri,
            verifier,
            requestOptions(server.token_endpoint),
          ),
        (r) => oauth.processAuthorizationCodeResponse(server, client, r),
      );
      return toTokenSet(response, sentAt);
    },

    async refresh(refreshToken) {
      const sentAt = clock.now();
      const response = await tokenRequest(
        'refresh_token',
        () =>
          oauth.refreshTokenGrantRequest(
            server,
            client,
            clientAuth,
            refreshToken,
            requestOptions(server.token_endpoint),
          ),
        (r) => oauth.processRefreshTokenResponse(server, client, r),
      );
      return toTokenSet(response, sentAt, refreshToken);
    },

    async revoke(token, tokenTypeHint, signal) {
      if (!server.revocation_endpoint)
        throw new AppError('config_invalid', 'This sign-in server has no revocation endpoint.');
      const response = await oauth.revocationRequest(server, client, clientAuth, token, {
        ...requestOptions(server.revocation_endpoint, signal),
        additionalParameters: { token_type_hint: tokenTypeHint },
      });
      await oauth.processRevocationResponse(response);
    },
  };
}
