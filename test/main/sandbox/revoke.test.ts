import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import {
  basicAuth,
  confidentialAuth,
  getJson,
  postForm,
  refreshBody,
  signIn,
} from './sandbox-kit.ts';

const INVALID_TOKEN = { reason: 'Invalid Token!', error: 'invalid_grant' };

describe('POST /oauth/revoke', () => {
  let sandbox: ZoomSandbox;
  let revokeUrl: string;
  beforeEach(async () => {
    sandbox = await startZoomSandbox();
    revokeUrl = `${sandbox.url}/oauth/revoke`;
  });
  afterEach(() => sandbox.close());

  const expectGrantDead = async (tokens: { access_token: string; refresh_token: string }) => {
    expect(await getJson(`${sandbox.apiBaseUrl}/users/me`, tokens.access_token)).toMatchObject({
      status: 401,
      body: { code: 124, message: 'Invalid access token.' },
    });
    expect(
      (await postForm(`${sandbox.url}/oauth/token`, refreshBody(sandbox, tokens.refresh_token)))
        .body,
    ).toEqual(INVALID_TOKEN);
  };

  it('revokes the whole grant from its access token (confidential client, Basic)', async () => {
    const tokens = await signIn(sandbox, 'confidential');
    const response = await postForm(
      revokeUrl,
      { token: tokens.access_token },
      { Authorization: confidentialAuth(sandbox) },
    );
    expect(response).toMatchObject({ status: 200, body: { status: 'success' } });
    expect(await getJson(`${sandbox.apiBaseUrl}/users/me`, tokens.access_token)).toMatchObject({
      status: 401,
    });
    const refresh = await postForm(
      `${sandbox.url}/oauth/token`,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
      { Authorization: confidentialAuth(sandbox) },
    );
    expect(refresh.body).toEqual(INVALID_TOKEN);
  });

  it('revokes the whole grant from its refresh token (public client, client_id in the body)', async () => {
    const tokens = await signIn(sandbox, 'public');
    const response = await postForm(revokeUrl, {
      token: tokens.refresh_token,
      client_id: sandbox.clients.public.clientId,
    });
    expect(response).toMatchObject({ status: 200, body: { status: 'success' } });
    await expectGrantDead(tokens);
  });

  it('refuses bad client credentials and leaves the grant alone', async () => {
    const tokens = await signIn(sandbox, 'confidential');
    const response = await postForm(
      revokeUrl,
      { token: tokens.access_token },
      { Authorization: basicAuth(sandbox.clients.confidential.clientId, 'wrong') },
    );
    expect(response).toMatchObject({
      status: 400,
      body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
    });
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, tokens.access_token)).status).toBe(200);
  });

  it("does not let one client revoke another client's grant", async () => {
    const tokens = await signIn(sandbox, 'confidential');
    const response = await postForm(revokeUrl, {
      token: tokens.access_token,
      client_id: sandbox.clients.public.clientId,
    });
    expect(response).toMatchObject({ status: 400, body: INVALID_TOKEN });
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, tokens.access_token)).status).toBe(200);
  });

  it('succeeds for an unknown or already revoked token, and refuses an empty one', async () => {
    const auth = { client_id: sandbox.clients.public.clientId };
    expect(await postForm(revokeUrl, { ...auth, token: 'never-issued' })).toMatchObject({
      status: 200,
      body: { status: 'success' },
    });
    expect(await postForm(revokeUrl, { ...auth, token: '' })).toMatchObject({
      status: 400,
      body: { reason: 'Token cannot be empty.', error: 'invalid_request' },
    });
  });
});
