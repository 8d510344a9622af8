import * as oauth from 'oauth4webapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.ts';
import { consent } from '../../helpers/sandbox-browser.ts';
import {
  authorizeCode,
  authorizeUrl,
  basicAuth,
  confidentialAuth,
  getJson,
  LOOPBACK_REDIRECT,
  postForm,
  refreshBody,
  signIn,
} from './sandbox-kit.ts';

const INVALID_TOKEN = { reason: 'Invalid Token!', error: 'invalid_grant' };
const INVALID_CODE = { reason: 'Invalid authorization code', error: 'invalid_grant' };
const INVALID_CLIENT = { reason: 'Invalid client_id or client_secret', error: 'invalid_client' };
const INVALID_VERIFIER = { reason: 'Invalid code_verifier', error: 'invalid_grant' };

describe('POST /oauth/token', () => {
  let sandbox: ZoomSandbox;
  let clock: FakeClock;
  let tokenUrl: string;
  beforeEach(async () => {
    clock = createFakeClock();
    sandbox = await startZoomSandbox({ now: clock.now });
    tokenUrl = `${sandbox.url}/oauth/token`;
  });
  afterEach(() => sandbox.close());

  const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
    postForm(tokenUrl, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: LOOPBACK_REDIRECT,
      code_verifier: verifier,
      client_id: sandbox.clients.public.clientId,
      ...extra,
    });

  it('exchanges a public client code (client_id in the body, no Authorization) for Zoom-shaped tokens', async () => {
    const { code, verifier } = await authorizeCode(sandbox, 'public');
    const response = await exchange(code, verifier);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      token_type: 'bearer',
      refresh_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expires_in: 3599,
      scope: 'meeting:read:list_meetings user:read:user',
      api_url: sandbox.url,
    });
    expect(response.body.access_token).not.toBe(response.body.refresh_token);
  });

  it('exchanges a confidential client code with form-encoded HTTP Basic', async () => {
    const { code, verifier } = await authorizeCode(sandbox, 'confidential');
    const response = await postForm(
      tokenUrl,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: LOOPBACK_REDIRECT,
        code_verifier: verifier,
      },
      { Authorization: confidentialAuth(sandbox) },
    );
    expect(response.status).toBe(200);
    expect(response.body.token_type).toBe('bearer');
  });

  it('accepts the parameters in the query string too', async () => {
    const { code, verifier } = await authorizeCode(sandbox, 'public');
    const query = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: LOOPBACK_REDIRECT,
      code_verifier: verifier,
      client_id: sandbox.clients.public.clientId,
    });
    const response = await fetch(`${tokenUrl}?${query}`, { method: 'POST' });
    expect(response.status).toBe(200);
  });

  it('honours accessTokenTtlSeconds in expires_in', async () => {
    const short = await startZoomSandbox({ now: clock.now, accessTokenTtlSeconds: 120 });
    try {
      expect((await signIn(short)).expires_in).toBe(120);
    } finally {
      await short.close();
    }
  });

  it('refuses wrong or misplaced client credentials with invalid_client', async () => {
    const { code, verifier } = await authorizeCode(sandbox, 'confidential');
    const body = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: LOOPBACK_REDIRECT,
      code_verifier: verifier,
    };
    const { clientId, clientSecret } = sandbox.clients.confidential;
    const attempts: Array<[Record<string, string>, Record<string, string>]> = [
      [body, { Authorization: basicAuth(clientId, 'wrong') }],
      [body, {}], // confidential client without Basic
      [{ ...body, client_id: clientId, client_secret: clientSecret }, {}], // client_secret_post is not Zoom's
      [{ ...body, client_id: 'other' }, { Authorization: confidentialAuth(sandbox) }],
      [
        { ...body, client_id: sandbox.clients.public.clientId },
        { Authorization: basicAuth(sandbox.clients.public.clientId, '') },
      ],
      [body, { Authorization: 'Basic !!!' }],
    ];
    for (const [form, headers] of attempts) {
      const response = await postForm(tokenUrl, form, headers);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(INVALID_CLIENT);
    }
  });

  it('refuses an unknown grant type', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: 'password',
      client_id: sandbox.clients.public.clientId,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      reason: 'unsupported grant type',
      error: 'unsupported_grant_type',
    });
  });

  it('uses a code once', async () => {
    const { code, verifier } = await authorizeCode(sandbox, 'public');
    expect((await exchange(code, verifier)).status).toBe(200);
    const again = await exchange(code, verifier);
    expect(again.status).toBe(400);
    expect(again.body).toEqual(INVALID_CODE);
  });

  it('expires a code after five minutes', async () => {
    const fresh = await authorizeCode(sandbox, 'public');
    const stale = await authorizeCode(sandbox, 'public');
    clock.jump(5 * 60_000 - 1);
    expect((await exchange(fresh.code, fresh.verifier)).status).toBe(200);
    clock.jump(1);
    const late = await exchange(stale.code, stale.verifier);
    expect(late.body).toEqual(INVALID_CODE);
  });

  it('refuses a code issued to another client', async () => {
    const { code, verifier } = await authorizeCode(sandbox, 'confidential');
    expect((await exchange(code, verifier)).body).toEqual(INVALID_CODE);
  });

  it('requires the redirect_uri used at authorize', async () => {
    const { code, verifier } = await authorizeCode(sandbox, 'public');
    const response = await exchange(code, verifier, {
      redirect_uri: 'http://127.0.0.1:9999/callback',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ reason: 'Redirect URI mismatch.', error: 'invalid_grant' });
  });

  it('checks the S256 code_verifier', async () => {
    const { code } = await authorizeCode(sandbox, 'public');
    expect((await exchange(code, 'not-the-verifier-aaaaaaaaaaaaaaaaaaaaaaaaaaaa')).body).toEqual(
      INVALID_VERIFIER,
    );
    const second = await authorizeCode(sandbox, 'public');
    const withoutVerifier = await postForm(tokenUrl, {
      grant_type: 'authorization_code',
      code: second.code,
      redirect_uri: LOOPBACK_REDIRECT,
      client_id: sandbox.clients.public.clientId,
    });
    expect(withoutVerifier.body).toEqual(INVALID_VERIFIER);
  });

  it('defaults to plain PKCE when the method is absent, and ignores padding', async () => {
    const plain = await authorizeCode(sandbox, 'public', {
      code_challenge: 'plain-verifier-value',
      code_challenge_method: undefined,
    });
    expect((await exchange(plain.code, 'plain-verifier-value')).status).toBe(200);
    const plainWrong = await authorizeCode(sandbox, 'public', {
      code_challenge: 'plain-verifier-value',
      code_challenge_method: undefined,
    });
    expect((await exchange(plainWrong.code, 'other')).body).toEqual(INVALID_VERIFIER);

    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 appendix B
    const padded = await authorizeCode(sandbox, 'public', {
      code_challenge: `${challenge}=`,
      code_challenge_method: 'S256',
    });
    expect((await exchange(padded.code, verifier)).status).toBe(200);
  });

  it('rotates refresh tokens: the old refresh and access tokens die at once', async () => {
    const first = await signIn(sandbox);
    const refreshed = await postForm(tokenUrl, refreshBody(sandbox, first.refresh_token));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.body.scope).toBe(first.scope);

    const reuse = await postForm(tokenUrl, refreshBody(sandbox, first.refresh_token));
    expect(reuse.status).toBe(400);
    expect(reuse.body).toEqual(INVALID_TOKEN);
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, first.access_token)).status).toBe(401);
    expect(
      (await getJson(`${sandbox.apiBaseUrl}/users/me`, String(refreshed.body.access_token))).status,
    ).toBe(200);
  });

  it('refreshes the confidential client with Basic, and only for its own tokens', async () => {
    const tokens = await signIn(sandbox, 'confidential');
    const asPublic = await postForm(tokenUrl, refreshBody(sandbox, tokens.refresh_token));
    expect(asPublic.body).toEqual(INVALID_TOKEN);
    const own = await postForm(
      tokenUrl,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
      { Authorization: confidentialAuth(sandbox) },
    );
    expect(own.status).toBe(200);
  });

  it('refuses an access token, garbage, or an expired refresh token as refresh_token', async () => {
    const tokens = await signIn(sandbox);
    expect((await postForm(tokenUrl, refreshBody(sandbox, tokens.access_token))).body).toEqual(
      INVALID_TOKEN,
    );
    expect((await postForm(tokenUrl, refreshBody(sandbox, 'garbage'))).body).toEqual(INVALID_TOKEN);
    clock.jump(90 * 24 * 3600 * 1000);
    expect((await postForm(tokenUrl, refreshBody(sandbox, tokens.refresh_token))).body).toEqual(
      INVALID_TOKEN,
    );
  });

  it('lets a new authorization for the same user and client supersede the older grant', async () => {
    const older = await signIn(sandbox);
    const otherClient = await signIn(sandbox, 'confidential');
    const newer = await signIn(sandbox);
    expect((await postForm(tokenUrl, refreshBody(sandbox, older.refresh_token))).body).toEqual(
      INVALID_TOKEN,
    );
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, older.access_token)).status).toBe(401);
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, newer.access_token)).status).toBe(200);
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, otherClient.access_token)).status).toBe(
      200,
    );
  });

  it('counts token requests per grant type', async () => {
    const tokens = await signIn(sandbox);
    await postForm(tokenUrl, refreshBody(sandbox, tokens.refresh_token));
    await postForm(tokenUrl, refreshBody(sandbox, tokens.refresh_token)); // the failed reuse counts too
    expect(sandbox.counters().grants).toEqual({ authorization_code: 1, refresh_token: 2 });
    expect(sandbox.counters().requests['POST /oauth/token']).toBe(3);
  });

  it('works with oauth4webapi for both the public (None) and confidential (ClientSecretBasic) client', async () => {
    const issuer = new URL(sandbox.url);
    const as = await oauth.processDiscoveryResponse(
      issuer,
      await oauth.discoveryRequest(issuer, {
        algorithm: 'oauth2',
        [oauth.allowInsecureRequests]: true,
      }),
    );
    for (const kind of ['public', 'confidential'] as const) {
      const client = { client_id: sandbox.clients[kind].clientId };
      const clientAuth =
        kind === 'public'
          ? oauth.None()
          : oauth.ClientSecretBasic(sandbox.clients.confidential.clientSecret);
      const verifier = oauth.generateRandomCodeVerifier();
      const url = authorizeUrl(sandbox, {
        client_id: client.client_id,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: 'xyz',
      });
      const callback = await consent(url, 'allow');
      const params = oauth.validateAuthResponse(as, client, callback, 'xyz');
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        clientAuth,
        params,
        LOOPBACK_REDIRECT,
        verifier,
        {
          [oauth.allowInsecureRequests]: true,
        },
      );
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
      expect(tokens.token_type).toBe('bearer');
      const refreshed = await oauth.processRefreshTokenResponse(
        as,
        client,
        await oauth.refreshTokenGrantRequest(as, client, clientAuth, tokens.refresh_token ?? '', {
          [oauth.allowInsecureRequests]: true,
        }),
      );
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
      const revoked = await oauth.revocationRequest(
        as,
        client,
        clientAuth,
        refreshed.access_token,
        {
          [oauth.allowInsecureRequests]: true,
        },
      );
      await oauth.processRevocationResponse(revoked);
    }
  });
});
