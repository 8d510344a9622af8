import { describe, expect, it } from 'vitest';
import {
  createOAuthClient,
  type OAuthClientDeps,
} from '../../../../main/core/auth/oauth-client.ts';
import { TokenRequestError } from '../../../../main/core/auth/token-failure.ts';
import type { TokenSet } from '../../../../main/core/auth/token-set.ts';
import { AppError } from '../../../../main/core/errors.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeTokenEndpoint } from '../../../fakes/fake-token-endpoint.ts';

const REDIRECT_URI = 'http://127.0.0.1:53682/callback';
const STATE = 'state-123';

function setUp(options: Partial<OAuthClientDeps> & { apiBaseUrl?: string } = {}) {
  const endpoint = createFakeTokenEndpoint();
  const clock = createFakeClock();
  const logger = createCapturingLogger();
  const provider = {
    ...endpoint.provider,
    apiBaseUrl: options.apiBaseUrl ?? endpoint.provider.apiBaseUrl,
  };
  const client = createOAuthClient({ provider, fetch: endpoint.fetch, clock, logger, ...options });
  const callback = (params: Record<string, string>) => {
    const url = new URL(REDIRECT_URI);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url;
  };
  const signIn = () =>
    client.exchangeCode(
      client.validateCallback(callback({ code: endpoint.issueCode(), state: STATE }), STATE),
      REDIRECT_URI,
      'verifier-'.padEnd(50, 'v'),
    );
  return { endpoint, client, clock, logger, callback, signIn };
}

async function rejection(promise: Promise<unknown>): Promise<TokenRequestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenRequestError);
  return error as TokenRequestError;
}

const lifetimeSeconds = (tokens: TokenSet) => (tokens.expiresAt - tokens.obtainedAt) / 1000;

describe('token answers: a 200 with usable tokens is always adopted', () => {
  it.each([
    ['3599 (as Zoom sends)', 3599, '3599'],
    ['0', 3600, '0'],
    ['missing', 3600, null],
    ['1 (floored, no refresh storm)', 60, '1'],
    ['negative', 3600, '-5'],
    ['infinite (1e400)', 3600, '1e400'],
    ['10^12 (capped below the timer limit)', 24 * 3600, '1000000000000'],
    ['a digit string', 1800, '"1800"'],
    ['a word', 3600, '"soon"'],
    ['null', 3600, 'null'],
    ['a boolean', 3600, 'true'],
  ])('expires_in %s → %s s, keeping the rotated refresh token', async (_name, expected, raw) => {
    const { endpoint, client, signIn } = setUp();
    const first = await signIn();
    endpoint.editNextAnswer({ expires_in: raw });

    const renewed = await client.refresh(first.refreshToken);

    expect(lifetimeSeconds(renewed)).toBe(expected);
    expect(renewed.refreshToken).not.toBe(first.refreshToken);
    expect(renewed.refreshToken).toBe(endpoint.currentRefreshToken());
    // The rotated token really works: the next refresh is accepted.
    const next = await client.refresh(renewed.refreshToken);
    expect(next.refreshToken).toBe(endpoint.currentRefreshToken());
  });

  it.each([
    ['an empty string', '""'],
    ['missing', null],
  ])('refresh_token %s on refresh keeps the previous refresh token', async (_name, raw) => {
    const { endpoint, client, signIn } = setUp();
    const first = await signIn();
    endpoint.editNextAnswer({ refresh_token: raw });

    const renewed = await client.refresh(first.refreshToken);

    expect(renewed.refreshToken).toBe(first.refreshToken);
    expect(renewed.accessToken).not.toBe(first.accessToken);
    expect(endpoint.currentRefreshToken()).toBe(first.refreshToken);
    await expect(client.refresh(renewed.refreshToken)).resolves.toBeDefined();
  });

  it('refuses a code exchange without a refresh token: no session could be kept', async () => {
    const { endpoint, signIn } = setUp();
    endpoint.editNextAnswer({ refresh_token: '""' });
    await expect(signIn()).rejects.toMatchObject({ code: 'token_exchange_failed' });
  });

  it('adopts an answer without token_type or with a non-string scope', async () => {
    const { endpoint, client, signIn } = setUp();
    const first = await signIn();
    endpoint.editNextAnswer({ token_type: null, scope: '["a","b"]' });
    const renewed = await client.refresh(first.refreshToken);
    expect(renewed.refreshToken).toBe(endpoint.currentRefreshToken());
  });

  it('still refuses an answer without an access token, as a transient server problem', async () => {
    const { endpoint, client, signIn } = setUp();
    const first = await signIn();
    endpoint.editNextAnswer({ access_token: null });
    const error = await rejection(client.refresh(first.refreshToken));
    expect(error).toMatchObject({ code: 'server_error', transient: true });
  });
});

describe('api_url', () => {
  it.each([
    ['no path', 'https://api-eu.zoom.us/v2', '"https://api-eu.zoom.us"'],
    ['a /v2 path (no /v2/v2)', 'https://api-eu.zoom.us/v2', '"https://api-eu.zoom.us/v2"'],
    ['a trailing slash', 'https://api.zoom.us/v2', '"https://api.zoom.us/"'],
    ['absent', 'https://api.zoom.us/v2', null],
  ])('with %s gives %s', async (_name, expected, raw) => {
    const { endpoint, signIn } = setUp({ apiBaseUrl: 'https://api.zoom.us/v2' });
    endpoint.editNextAnswer({ api_url: raw });
    expect((await signIn()).apiBaseUrl).toBe(expected);
  });

  it('outside the configured domain falls back to the configured base and warns without a token', async () => {
    const { endpoint, signIn, logger } = setUp({ apiBaseUrl: 'https://api.zoom.us/v2' });
    endpoint.editNextAnswer({ api_url: '"https://api.zoom.us.evil.example"' });

    const tokens = await signIn();

    expect(tokens.apiBaseUrl).toBe('https://api.zoom.us/v2');
    expect(logger.text()).toContain('api.zoom.us.evil.example');
    for (const secret of endpoint.issuedSecrets()) expect(logger.text()).not.toContain(secret);
  });
});

describe('failure classes', () => {
  it('a callback with the right state and no code is invalid_callback, never offline', () => {
    const { client, callback } = setUp();
    const error = (() => {
      try {
        client.validateCallback(callback({ state: STATE }), STATE);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_callback');
  });

  it('a code exchange that cannot be built is not sent and is not offline', async () => {
    const { endpoint, client } = setUp();
    const error = await rejection(
      client.exchangeCode(new URLSearchParams({ code: 'x' }), REDIRECT_URI, 'v'.repeat(50)),
    );
    expect(error).toMatchObject({ code: 'invalid_callback', transient: false });
    expect(endpoint.counts.token).toBe(0);
  });

  it('a refresh token that cannot be sent ends the session without a request', async () => {
    const { endpoint, client } = setUp();
    const error = await rejection(client.refresh(''));
    expect(error).toMatchObject({ code: 'session_expired', transient: false });
    expect(endpoint.counts.token).toBe(0);
  });

  it("a proxy's 401 with WWW-Authenticate on refresh is transient, not invalid_client", async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.failNext({
      status: 401,
      raw: '<html><body>Proxy authentication required</body></html>',
      headers: { 'content-type': 'text/html', 'www-authenticate': 'Basic realm="proxy"' },
    });
    const error = await rejection(client.refresh(refreshToken));
    expect(error).toMatchObject({ code: 'server_error', transient: true });
  });

  it('only a JSON OAuth error body says invalid_client, challenge header or not', async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.failNext({
      status: 401,
      body: { error: 'invalid_client', reason: 'Invalid client_id or client_secret' },
      headers: { 'www-authenticate': 'Basic realm="zoom"' },
    });
    expect(await rejection(client.refresh(refreshToken))).toMatchObject({
      code: 'invalid_client',
      transient: false,
    });
    endpoint.failNext({
      status: 400,
      raw: '{"error":"invalid_client"}',
      headers: { 'content-type': 'text/html' },
    });
    expect(await rejection(client.refresh(refreshToken))).toMatchObject({ transient: true });
  });

  it('400 temporarily_unavailable is transient and keeps its Retry-After', async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.failNext({
      status: 400,
      body: { error: 'temporarily_unavailable' },
      headers: { 'retry-after': '120' },
    });
    expect(await rejection(client.refresh(refreshToken))).toMatchObject({
      code: 'server_error',
      transient: true,
      retryAfterMs: 120_000,
    });
  });

  it('a Retry-After of two hours is passed on whole', async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.failNext({ status: 503, body: {}, headers: { 'retry-after': '7200' } });
    expect((await rejection(client.refresh(refreshToken))).retryAfterMs).toBe(7_200_000);
  });

  it('400 invalid_grant on refresh still ends the session', async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.failNext({ status: 400, body: { reason: 'Invalid Token!', error: 'invalid_grant' } });
    expect(await rejection(client.refresh(refreshToken))).toMatchObject({
      code: 'session_expired',
      transient: false,
    });
  });

  it('a 200 that is not JSON is a transient server problem', async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.failNext({ status: 200, raw: '<html>maintenance</html>' });
    expect(await rejection(client.refresh(refreshToken))).toMatchObject({
      code: 'server_error',
      transient: true,
    });
  });

  it('a failed connection is offline', async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.failNext('network');
    expect(await rejection(client.refresh(refreshToken))).toMatchObject({
      code: 'offline',
      transient: true,
    });
  });
});

describe('deadlines and cancellation', () => {
  it('a token endpoint that holds its answer past the deadline gives timeout', async () => {
    const { endpoint, client, signIn } = setUp({ tokenDeadlineMs: 200 });
    const { refreshToken } = await signIn();
    endpoint.hold();
    const error = await rejection(client.refresh(refreshToken));
    endpoint.release();
    expect(error).toMatchObject({ code: 'timeout', transient: true });
  });

  it("the caller's signal ends a refresh, in the caller's words", async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.hold();
    const caller = new AbortController();
    const refresh = client.refresh(refreshToken, caller.signal);
    caller.abort(new AppError('not_signed_in', 'You signed out.'));
    const error = await rejection(refresh);
    endpoint.release();
    expect(error).toMatchObject({ code: 'not_signed_in', transient: true });
  });

  it('revoke keeps its three-argument form and has its own deadline', async () => {
    const { endpoint, client, signIn } = setUp({ revokeDeadlineMs: 200 });
    const { refreshToken } = await signIn();
    endpoint.hold();
    const error = await rejection(
      client.revoke(refreshToken, 'refresh_token', new AbortController().signal),
    );
    endpoint.release();
    expect(error).toMatchObject({ code: 'timeout', transient: true });
    await expect(client.revoke(refreshToken, 'refresh_token')).resolves.toBeUndefined();
    expect(endpoint.currentRefreshToken()).toBeNull();
  });

  it('a refused revocation is a typed failure', async () => {
    const { endpoint, client, signIn } = setUp();
    const { refreshToken } = await signIn();
    endpoint.failNext({ status: 400, body: { reason: 'Invalid Token!', error: 'invalid_grant' } });
    const error = await rejection(client.revoke(refreshToken, 'refresh_token'));
    expect(error.transient).toBe(false);
    expect(error.message).toContain('Invalid Token!');
  });
});
