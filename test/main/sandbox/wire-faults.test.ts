import { afterEach, describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../../main/sandbox/cli-args.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { getJson, postForm, refreshBody, signIn } from './sandbox-kit.ts';

const decoder = new TextDecoder();

describe('wire faults', () => {
  let sandbox: ZoomSandbox | undefined;
  afterEach(() => sandbox?.close());

  const refresh = (s: ZoomSandbox, refreshToken: string, signal?: AbortSignal) =>
    fetch(`${s.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(refreshBody(s, refreshToken)),
      ...(signal ? { signal } : {}),
    });

  it('stall: the request arrives and is never answered, and no grant is touched', async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    sandbox.setFaults({ wire: { token: { kind: 'stall' } } });
    const caller = new AbortController();
    const pending = refresh(sandbox, tokens.refresh_token, caller.signal);

    await expect.poll(() => sandbox?.counters().requests['POST /oauth/token']).toBe(2);
    caller.abort(new Error('the test gave up waiting'));
    await expect(pending).rejects.toThrow('the test gave up waiting');

    expect(sandbox.counters().grants['refresh_token']).toBeUndefined();
    sandbox.setFaults({});
    expect((await refresh(sandbox, tokens.refresh_token)).status).toBe(200);
  });

  it('drip: 200 and JSON headers at once, then the body one space at a time', async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    sandbox.setFaults({ wire: { api: { kind: 'drip', intervalMs: 5 } } });

    const response = await fetch(`${sandbox.apiBaseUrl}/users/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const reader = response.body?.getReader();
    let text = '';
    while (text.length < 4) text += decoder.decode((await reader?.read())?.value);
    await reader?.cancel();
    expect(text).toMatch(/^\{ +$/);
  });

  it('oversized: a JSON body of exactly the size asked for, written as fast as it is read', async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    sandbox.setFaults({ wire: { token: { kind: 'oversized', bytes: 1000, declareLength: true } } });
    const small = await refresh(sandbox, tokens.refresh_token);
    expect(small.headers.get('content-length')).toBe('1000');
    const text = await small.text();
    expect(text).toHaveLength(1000);
    expect(JSON.parse(text)).toEqual({ padding: 'x'.repeat(1000 - '{"padding":""}'.length) });

    sandbox.resetCounters();
    sandbox.setFaults({ wire: { token: { kind: 'oversized', bytes: 100 * 1024 * 1024 } } });
    const big = await refresh(sandbox, tokens.refresh_token);
    expect(big.headers.get('content-length')).toBeNull();
    const reader = big.body?.getReader();
    await reader?.read();
    await reader?.cancel();
    expect(sandbox.counters().oversizedBytesWritten).toBeLessThan(100 * 1024 * 1024);
  });

  it("proxy-challenge: a proxy's 401, with WWW-Authenticate and an HTML page", async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    sandbox.setFaults({ wire: { revoke: { kind: 'proxy-challenge' } } });
    const response = await fetch(`${sandbox.url}/oauth/revoke`, {
      method: 'POST',
      body: new URLSearchParams({
        token: tokens.refresh_token,
        client_id: sandbox.clients.public.clientId,
      }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="proxy"');
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<html>');
  });

  it('temporarily-unavailable: 400 with the OAuth error and Retry-After', async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    sandbox.setFaults({
      retryAfterSeconds: 7200,
      wire: { token: { kind: 'temporarily-unavailable' } },
    });
    const response = await postForm(
      `${sandbox.url}/oauth/token`,
      refreshBody(sandbox, tokens.refresh_token),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'temporarily_unavailable' });
    expect(response.headers.get('retry-after')).toBe('7200');
  });

  it('applies only to the endpoint it names', async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    sandbox.setFaults({ wire: { api: { kind: 'proxy-challenge' } } });
    expect((await refresh(sandbox, tokens.refresh_token)).status).toBe(200);
    expect((await fetch(`${sandbox.apiBaseUrl}/users/me`)).status).toBe(401);
  });
});

describe('odd token answers', () => {
  let sandbox: ZoomSandbox | undefined;
  afterEach(() => sandbox?.close());

  it.each([
    ['1e400', '"expires_in":1e400'],
    ['-5', '"expires_in":-5'],
    ['"soon"', '"expires_in":"soon"'],
  ])('sends expires_in %s byte for byte', async (raw, expected) => {
    sandbox = await startZoomSandbox({ faults: { tokenAnswer: { expiresIn: raw } } });
    const tokens = await signIn(sandbox);
    const response = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams(refreshBody(sandbox, tokens.refresh_token)),
    });
    const text = await response.text();
    expect(text).toContain(expected);
    expect(JSON.parse(text)).toMatchObject({ access_token: expect.any(String) });
  });

  it('leaves expires_in out when asked', async () => {
    sandbox = await startZoomSandbox({ faults: { tokenAnswer: { expiresIn: null } } });
    const tokens = await signIn(sandbox);
    expect(tokens).not.toHaveProperty('expires_in');
    expect(tokens.refresh_token).not.toBe('');
  });

  it('an empty refresh_token leaves the old refresh token valid, and the new access token works', async () => {
    sandbox = await startZoomSandbox();
    const first = await signIn(sandbox);
    sandbox.setFaults({ tokenAnswer: { emptyRefreshToken: true } });
    const renewed = await postForm(
      `${sandbox.url}/oauth/token`,
      refreshBody(sandbox, first.refresh_token),
    );
    expect(renewed.body['refresh_token']).toBe('');
    const access = String(renewed.body['access_token']);
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, access)).status).toBe(200);
    expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, first.access_token)).status).toBe(401);

    sandbox.setFaults({});
    const next = await postForm(
      `${sandbox.url}/oauth/token`,
      refreshBody(sandbox, first.refresh_token),
    );
    expect(next.status).toBe(200);
    expect(next.body['refresh_token']).not.toBe(first.refresh_token);
  });
});

describe('repeatPageToken', () => {
  let sandbox: ZoomSandbox | undefined;
  afterEach(() => sandbox?.close());

  it('hands out the same next_page_token on every page after the first', async () => {
    sandbox = await startZoomSandbox({ meetingCount: 650, faults: { repeatPageToken: true } });
    const { access_token: token } = await signIn(sandbox);
    const page = (next?: string) =>
      getJson(
        `${sandbox?.apiBaseUrl}/users/me/meetings?type=upcoming&page_size=300${next ? `&next_page_token=${next}` : ''}`,
        token,
      );
    const first = await page();
    const second = await page(String(first.body['next_page_token']));
    const third = await page(String(second.body['next_page_token']));
    expect(first.body['next_page_token']).not.toBe('');
    expect(second.body['next_page_token']).toBe(first.body['next_page_token']);
    expect(third.body['meetings']).toEqual(second.body['meetings']);
  });
});

describe('CLI flags for the wire faults', () => {
  it('maps each flag onto the faults', () => {
    expect(
      parseSandboxArgs([
        '--wire-fault',
        'token=stall',
        '--wire-fault=api=oversized',
        '--expires-in',
        '1e400',
        '--empty-refresh-token',
        '--repeat-page-token',
      ]),
    ).toEqual({
      faults: {
        wire: { token: { kind: 'stall' }, api: { kind: 'oversized', bytes: 200 * 1024 * 1024 } },
        tokenAnswer: { expiresIn: '1e400', emptyRefreshToken: true },
        repeatPageToken: true,
      },
    });
    expect(parseSandboxArgs(['--omit-expires-in'])).toEqual({
      faults: { tokenAnswer: { expiresIn: null } },
    });
  });

  it('explains a bad wire fault', () => {
    expect(() => parseSandboxArgs(['--wire-fault', 'token=slow'])).toThrow(
      'KIND one of stall, drip, oversized, proxy-challenge, temporarily-unavailable',
    );
    expect(() => parseSandboxArgs(['--wire-fault', 'consent=stall'])).toThrow(
      'ENDPOINT one of token, revoke, api',
    );
    expect(() => parseSandboxArgs(['--expires-in'])).toThrow('--expires-in needs the raw JSON');
  });
});
