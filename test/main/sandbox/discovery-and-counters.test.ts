import { afterEach, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { getJson, postForm, refreshBody, signIn } from './sandbox-kit.ts';

describe('discovery, counters and test mode', () => {
  let sandbox: ZoomSandbox | undefined;
  afterEach(() => sandbox?.close());

  it('serves the Zoom RFC 8414 document with sandbox URLs and a revocation endpoint', async () => {
    sandbox = await startZoomSandbox();
    const { status, body } = await getJson(`${sandbox.url}/.well-known/oauth-authorization-server`);
    expect(status).toBe(200);
    expect(body).toEqual({
      issuer: sandbox.url,
      authorization_endpoint: `${sandbox.url}/oauth/authorize`,
      token_endpoint: `${sandbox.url}/oauth/token`,
      revocation_endpoint: `${sandbox.url}/oauth/revoke`,
      response_types_supported: ['code'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'client_credentials',
        'urn:ietf:params:oauth:grant-type:jwt-bearer',
      ],
      token_endpoint_auth_methods_supported: ['client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      service_documentation: 'https://developers.zoom.us/docs/integrations/oauth/',
    });
    expect((await fetch(`${sandbox.url}/.well-known/openid-configuration`)).status).toBe(404);
  });

  it('binds 127.0.0.1, exposes its URLs and the fixed demo clients', async () => {
    sandbox = await startZoomSandbox();
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.apiBaseUrl).toBe(`${sandbox.url}/v2`);
    expect(sandbox.clients).toEqual({
      confidential: {
        clientId: 'SandboxClientId01',
        clientSecret: expect.stringMatching(/.{16,}/),
      },
      public: { clientId: 'SandboxPublicClient01' },
    });
  });

  it('counts requests per endpoint and token requests per grant type; resetCounters clears them', async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    await postForm(`${sandbox.url}/oauth/token`, refreshBody(sandbox, tokens.refresh_token));
    await getJson(`${sandbox.apiBaseUrl}/users/me`, tokens.access_token);
    expect(sandbox.counters()).toEqual({
      requests: {
        'GET /oauth/authorize': 1,
        'POST /oauth/authorize/decision': 1,
        'POST /oauth/token': 2,
        'GET /v2/users/me': 1,
      },
      grants: { authorization_code: 1, refresh_token: 1 },
      oversizedBytesWritten: 0,
    });
    sandbox.resetCounters();
    expect(sandbox.counters()).toEqual({ requests: {}, grants: {}, oversizedBytesWritten: 0 });
  });

  it('hides the control endpoints unless testMode is on', async () => {
    sandbox = await startZoomSandbox();
    expect((await fetch(`${sandbox.url}/__sandbox/counters`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(404);
  });

  it('serves counters and reset over HTTP in testMode, without counting itself', async () => {
    sandbox = await startZoomSandbox({ testMode: true });
    await signIn(sandbox);
    const counters = await getJson(`${sandbox.url}/__sandbox/counters`);
    expect(counters.body).toMatchObject({
      requests: { 'POST /oauth/token': 1 },
      grants: { authorization_code: 1 },
    });
    expect((await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect((await getJson(`${sandbox.url}/__sandbox/counters`)).body).toEqual({
      requests: {},
      grants: {},
      oversizedBytesWritten: 0,
    });
  });

  it('answers unknown paths with 404', async () => {
    sandbox = await startZoomSandbox();
    expect(await getJson(`${sandbox.apiBaseUrl}/meetings/123`)).toMatchObject({
      status: 404,
      body: { code: 404 },
    });
    expect((await fetch(`${sandbox.url}/oauth/token`)).status).toBe(404); // GET is not the token endpoint
  });
});
