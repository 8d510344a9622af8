// Fathom's OAuth as the sandbox plays it (fathom-facts §1, §4): consent, exact redirect matching,
// client_secret in the body, single-use codes, rotating refresh tokens, no revoke, PKCE switches,
// and the test-only disconnect/expire.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startFathomSandbox,
  type FathomSandbox,
  type FathomSandboxOptions,
} from '../../../../main/sandbox/fathom/index.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { consent } from '../../../helpers/sandbox-browser.ts';
import {
  authorizeCode,
  authorizeUrl,
  codeBody,
  connect,
  getApi,
  postToken,
  REDIRECT,
  refreshBody,
} from './fathom-kit.ts';

const running: FathomSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});
async function start(options: FathomSandboxOptions = {}) {
  const sandbox = await startFathomSandbox({ rateLimit: false, ...options });
  running.push(sandbox);
  return sandbox;
}

async function openAuthorize(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return {
    status: response.status,
    location: response.headers.get('location'),
    csp: response.headers.get('content-security-policy') ?? '',
    text: await response.text(),
  };
}

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('authorize', () => {
  it('shows a Fathom consent page and redirects back with a code and the state', async () => {
    const sandbox = await start();
    const page = await openAuthorize(authorizeUrl(sandbox));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Fathom sandbox');
    expect(page.text).toContain('action="/external/v1/oauth2/authorize/decision"');
    // The form may post here and follow the redirect to the app, nothing else; no scripts.
    expect(page.csp).toContain("form-action 'self' http://127.0.0.1:53682");
    expect(page.csp).toContain("default-src 'none'");
    expect(page.text).toContain('ada.okafor@example.com');
    const location = await consent(authorizeUrl(sandbox), 'allow');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('state-fathom-1');
    expect(location.searchParams.get('code')).toMatch(/^[\w-]{40}$/);
  });

  it('Deny answers error=access_denied with the state', async () => {
    const sandbox = await start();
    const location = await consent(authorizeUrl(sandbox), 'deny');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-fathom-1');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('the deny switch answers access_denied without a consent page', async () => {
    const sandbox = await start({ deny: true });
    const page = await openAuthorize(authorizeUrl(sandbox));
    expect(page.status).toBe(302);
    const location = new URL(page.location ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-fathom-1');
  });

  it('matches the redirect URI exactly by default: another port is refused with a page', async () => {
    const sandbox = await start();
    const page = await openAuthorize(
      authorizeUrl(sandbox, { redirect_uri: 'http://127.0.0.1:53683/fathom/callback' }),
    );
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.text).toContain('Redirect URL not registered');
  });

  it('loopback-any-port accepts the registered path on any loopback port, nothing else', async () => {
    const sandbox = await start({ redirectMatch: 'loopback-any-port' });
    const other = 'http://127.0.0.1:40111/fathom/callback';
    const location = await consent(authorizeUrl(sandbox, { redirect_uri: other }), 'allow');
    expect(`${location.origin}${location.pathname}`).toBe(other);
    const code = location.searchParams.get('code') ?? '';
    expect(
      (await postToken(sandbox, codeBody(sandbox, code, { redirect_uri: other }))).status,
    ).toBe(200);
    for (const wrong of [
      'http://127.0.0.1:40111/elsewhere',
      'http://localhost:40111/fathom/callback',
    ])
      expect((await openAuthorize(authorizeUrl(sandbox, { redirect_uri: wrong }))).status).toBe(
        400,
      );
  });

  it('refuses an unknown client with a page, a wrong scope or response_type with a redirect', async () => {
    const sandbox = await start();
    const unknown = await openAuthorize(authorizeUrl(sandbox, { client_id: 'nobody' }));
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Unknown app');
    for (const [params, error] of [
      [{ scope: 'public_api admin' }, 'invalid_scope'],
      [{ scope: undefined }, 'invalid_scope'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
    ] as const) {
      const page = await openAuthorize(authorizeUrl(sandbox, params));
      expect(page.status).toBe(302);
      const location = new URL(page.location ?? '');
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe('state-fathom-1');
    }
  });
});

describe('PKCE switches', () => {
  it('ignore (default): a challenge is accepted and no verifier is asked for', async () => {
    const sandbox = await start();
    const { challenge } = pkcePair();
    const code = await authorizeCode(sandbox, {
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    expect(
      (await postToken(sandbox, codeBody(sandbox, code, { code_verifier: 'wrong' }))).status,
    ).toBe(200);
  });

  it('enforce: the challenge is required and the verifier checked', async () => {
    const sandbox = await start({ pkce: 'enforce' });
    const missing = await openAuthorize(authorizeUrl(sandbox));
    expect(new URL(missing.location ?? '').searchParams.get('error')).toBe('invalid_request');
    const { verifier, challenge } = pkcePair();
    const params = { code_challenge: challenge, code_challenge_method: 'S256' };
    const wrongCode = await authorizeCode(sandbox, params);
    const wrong = await postToken(
      sandbox,
      codeBody(sandbox, wrongCode, { code_verifier: pkcePair().verifier }),
    );
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const code = await authorizeCode(sandbox, params);
    expect(
      (await postToken(sandbox, codeBody(sandbox, code, { code_verifier: verifier }))).status,
    ).toBe(200);
  });

  it('reject-param: a request carrying code_challenge is refused', async () => {
    const sandbox = await start({ pkce: 'reject-param' });
    const page = await openAuthorize(
      authorizeUrl(sandbox, {
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      }),
    );
    expect(new URL(page.location ?? '').searchParams.get('error')).toBe('invalid_request');
    expect((await postToken(sandbox, codeBody(sandbox, await authorizeCode(sandbox)))).status).toBe(
      200,
    );
  });
});

describe('token endpoint', () => {
  it('answers the shape the app expects, with scope public_api', async () => {
    const sandbox = await start();
    const code = await authorizeCode(sandbox);
    const answer = await postToken(sandbox, codeBody(sandbox, code));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(/^fsbx_at_/),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^fsbx_rt_/),
      scope: 'public_api',
    });
  });

  it('requires client_secret in the body: Basic, a missing or a wrong secret are 401 invalid_client', async () => {
    const sandbox = await start();
    const { clientId, clientSecret } = sandbox.clients.oauth;
    const code = await authorizeCode(sandbox);
    const { client_secret: _omitted, ...withoutSecret } = codeBody(sandbox, code);
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    for (const [body, headers] of [
      [withoutSecret, { Authorization: basic }],
      [codeBody(sandbox, code), { Authorization: basic }],
      [withoutSecret, {}],
      [codeBody(sandbox, code, { client_secret: 'wrong' }), {}],
    ] as const) {
      const answer = await postToken(sandbox, body, headers);
      expect(answer).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    }
    // None of the refused attempts used the code up.
    expect((await postToken(sandbox, codeBody(sandbox, code))).status).toBe(200);
  });

  it('codes are single-use, bound to the redirect URI, and last about 60 s', async () => {
    const clock = createFakeClock();
    const sandbox = await start({ now: clock.now });
    const mismatched = await authorizeCode(sandbox);
    expect(
      await postToken(sandbox, codeBody(sandbox, mismatched, { redirect_uri: `${REDIRECT}/x` })),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const code = await authorizeCode(sandbox);
    expect((await postToken(sandbox, codeBody(sandbox, code))).status).toBe(200);
    expect(await postToken(sandbox, codeBody(sandbox, code))).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    const late = await authorizeCode(sandbox);
    clock.jump(59_000);
    const early = await authorizeCode(sandbox);
    clock.jump(2_000);
    expect((await postToken(sandbox, codeBody(sandbox, late))).status).toBe(400);
    expect((await postToken(sandbox, codeBody(sandbox, early))).status).toBe(200);
  });

  it('rotates refresh tokens: the old one is dead at once (400 invalid_grant), so is the old access token', async () => {
    const sandbox = await start();
    const first = await connect(sandbox);
    const second = await postToken(sandbox, refreshBody(sandbox, first.refresh_token));
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(await postToken(sandbox, refreshBody(sandbox, first.refresh_token))).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await getApi(sandbox, '/meetings', { bearer: first.access_token })).status).toBe(401);
    const access = String(second.body.access_token);
    expect((await getApi(sandbox, '/meetings', { bearer: access })).status).toBe(200);
    const third = await postToken(sandbox, refreshBody(sandbox, String(second.body.refresh_token)));
    expect(third.status).toBe(200);
    expect(sandbox.counters().grants).toEqual({ authorization_code: 1, refresh_token: 3 });
  });

  it('the grace switch keeps a rotated refresh token usable for that long', async () => {
    const clock = createFakeClock();
    const sandbox = await start({ now: clock.now, refreshGraceSeconds: 30 });
    const first = await connect(sandbox);
    expect((await postToken(sandbox, refreshBody(sandbox, first.refresh_token))).status).toBe(200);
    clock.jump(29_000);
    expect((await postToken(sandbox, refreshBody(sandbox, first.refresh_token))).status).toBe(200);
    clock.jump(2_000);
    expect((await postToken(sandbox, refreshBody(sandbox, first.refresh_token))).status).toBe(400);
  });

  it('access tokens expire after expires_in (accessTokenTtlSeconds)', async () => {
    const clock = createFakeClock();
    const sandbox = await start({ now: clock.now, accessTokenTtlSeconds: 120 });
    const tokens = await connect(sandbox);
    expect(tokens.expires_in).toBe(120);
    clock.jump(119_000);
    expect((await getApi(sandbox, '/meetings', { bearer: tokens.access_token })).status).toBe(200);
    clock.jump(1_000);
    expect((await getApi(sandbox, '/meetings', { bearer: tokens.access_token })).status).toBe(401);
    expect((await postToken(sandbox, refreshBody(sandbox, tokens.refresh_token))).status).toBe(200);
  });

  it('injects 500 and 429 on the token endpoint', async () => {
    const sandbox = await start({ faults: { serverErrorRate: 1 } });
    const tokens = await postToken(sandbox, refreshBody(sandbox, 'whatever'));
    expect(tokens).toMatchObject({ status: 500, body: { error: 'server_error' } });
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const limited = await postToken(sandbox, refreshBody(sandbox, 'whatever'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    sandbox.setFaults({});
    expect((await postToken(sandbox, refreshBody(sandbox, 'whatever'))).status).toBe(400);
  });

  it('has no revoke endpoint', async () => {
    const sandbox = await start();
    const tokens = await connect(sandbox);
    const response = await fetch(`${sandbox.url}/external/v1/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refresh_token }),
    });
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});

describe('disconnect and expire', () => {
  it('disconnect() kills every OAuth token; the API key still works', async () => {
    const sandbox = await start();
    const tokens = await connect(sandbox);
    sandbox.disconnect();
    expect((await getApi(sandbox, '/meetings', { bearer: tokens.access_token })).status).toBe(401);
    expect(await postToken(sandbox, refreshBody(sandbox, tokens.refresh_token))).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    expect((await getApi(sandbox, '/meetings', { apiKey: sandbox.clients.apiKey })).status).toBe(
      200,
    );
  });

  it('expireAccessTokens() ends access tokens but a refresh still works', async () => {
    const sandbox = await start();
    const tokens = await connect(sandbox);
    sandbox.expireAccessTokens();
    expect((await getApi(sandbox, '/meetings', { bearer: tokens.access_token })).status).toBe(401);
    const renewed = await postToken(sandbox, refreshBody(sandbox, tokens.refresh_token));
    expect(renewed.status).toBe(200);
    expect(
      (await getApi(sandbox, '/meetings', { bearer: String(renewed.body.access_token) })).status,
    ).toBe(200);
  });

  it('the /__admin endpoints exist only in test mode', async () => {
    const plain = await start();
    expect((await fetch(`${plain.url}/__admin/disconnect`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${plain.url}/__admin/counters`)).status).toBe(404);
    const sandbox = await start({ testMode: true });
    const tokens = await connect(sandbox);
    expect((await fetch(`${sandbox.url}/__admin/expire`, { method: 'POST' })).status).toBe(200);
    expect((await getApi(sandbox, '/meetings', { bearer: tokens.access_token })).status).toBe(401);
    const renewed = await postToken(sandbox, refreshBody(sandbox, tokens.refresh_token));
    expect((await fetch(`${sandbox.url}/__admin/disconnect`, { method: 'POST' })).status).toBe(200);
    const access = String(renewed.body.access_token);
    expect((await getApi(sandbox, '/meetings', { bearer: access })).status).toBe(401);
    const counters = (await (await fetch(`${sandbox.url}/__admin/counters`)).json()) as {
      requests: Record<string, number>;
      grants: Record<string, number>;
    };
    expect(counters.requests['POST /external/v1/oauth2/token']).toBe(2);
    expect(counters.grants).toEqual({ authorization_code: 1, refresh_token: 1 });
    expect((await fetch(`${sandbox.url}/__admin/reset`, { method: 'POST' })).status).toBe(200);
    expect(sandbox.counters().requests).toEqual({});
  });
});
