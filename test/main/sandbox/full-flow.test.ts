// The whole life of a sign-in with nothing but fetch, the way curl would drive it:
// authorize → consent → code → token → users/me → meetings (paged) → refresh → reuse refused
// → revoke → refresh refused. Once for the public client, once for the confidential one.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';

const REDIRECT = 'http://127.0.0.1:61234/callback';

describe('full OAuth + API flow over plain HTTP', () => {
  let sandbox: ZoomSandbox;
  beforeAll(async () => {
    sandbox = await startZoomSandbox({ meetingCount: 25 });
  });
  afterAll(() => sandbox.close());

  it.each(['public', 'confidential'] as const)('%s client', async (kind) => {
    const clientId = sandbox.clients[kind].clientId;
    const clientAuth: { headers: Record<string, string>; body: Record<string, string> } =
      kind === 'public'
        ? { headers: {}, body: { client_id: clientId } }
        : {
            headers: {
              Authorization: `Basic ${Buffer.from(`${clientId}:${sandbox.clients.confidential.clientSecret}`).toString('base64')}`,
            },
            body: {},
          };
    const post = async (path: string, form: Record<string, string>) => {
      const response = await fetch(`${sandbox.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...clientAuth.headers },
        body: new URLSearchParams({ ...form, ...clientAuth.body }),
      });
      return { status: response.status, json: (await response.json()) as Record<string, string> };
    };
    const api = async (path: string, token: string) => {
      const response = await fetch(`${sandbox.apiBaseUrl}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };

    // 1. authorize: the consent page
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorize = new URL(`${sandbox.url}/oauth/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      state: `flow-${kind}`,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    const page = await fetch(authorize);
    expect(page.status).toBe(200);
    const consentId = /name="consent_id" value="([^"]+)"/.exec(await page.text())?.[1];
    expect(consentId).toBeDefined();

    // 2. consent: press Allow
    const decision = await fetch(`${sandbox.url}/oauth/authorize/decision`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ consent_id: consentId ?? '', decision: 'allow' }),
      redirect: 'manual',
    });
    expect(decision.status).toBe(302);
    const callback = new URL(decision.headers.get('location') ?? '');
    expect(callback.searchParams.get('state')).toBe(`flow-${kind}`);
    const code = callback.searchParams.get('code') ?? '';

    // 3. code → tokens
    const exchanged = await post('/oauth/token', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.json.token_type).toBe('bearer');
    const first = exchanged.json;

    // 4. profile
    const me = await api('/users/me', first.access_token ?? '');
    expect(me).toMatchObject({ status: 200, json: { email: 'ada.okafor@example.com' } });

    // 5. meetings across pages
    const ids: string[] = [];
    let next = '';
    let pages = 0;
    do {
      const query = `?type=scheduled&page_size=10${next ? `&next_page_token=${encodeURIComponent(next)}` : ''}`;
      const page = await api(`/users/me/meetings${query}`, first.access_token ?? '');
      expect(page.status).toBe(200);
      const meetings = page.json.meetings as Array<{ id: number; start_time?: string }>;
      ids.push(...meetings.map((m) => `${m.id}@${m.start_time ?? 'none'}`));
      next = page.json.next_page_token as string;
      pages += 1;
    } while (next !== '');
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(25);

    // 6. refresh rotates
    const refreshed = await post('/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token ?? '',
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.refresh_token).not.toBe(first.refresh_token);
    expect((await api('/users/me', refreshed.json.access_token ?? '')).status).toBe(200);

    // 7. the old refresh token is dead
    const reused = await post('/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token ?? '',
    });
    expect(reused).toEqual({
      status: 400,
      json: { reason: 'Invalid Token!', error: 'invalid_grant' },
    });

    // 8. revoke
    const revoked = await post('/oauth/revoke', { token: refreshed.json.access_token ?? '' });
    expect(revoked).toEqual({ status: 200, json: { status: 'success' } });

    // 9. everything from that grant is refused
    const afterRevoke = await post('/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: refreshed.json.refresh_token ?? '',
    });
    expect(afterRevoke).toEqual({
      status: 400,
      json: { reason: 'Invalid Token!', error: 'invalid_grant' },
    });
    expect(await api('/users/me', refreshed.json.access_token ?? '')).toEqual({
      status: 401,
      json: { code: 124, message: 'Invalid access token.' },
    });
  });
});
