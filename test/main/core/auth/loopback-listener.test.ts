import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CALLBACK_PAGE_CSP } from '../../../../main/core/auth/callback-page.ts';
import { createLoopbackListener } from '../../../../main/core/auth/loopback-listener.ts';
import type { LoopbackListener } from '../../../../main/core/auth/loopback-listener.types.ts';
import { AppError } from '../../../../main/core/errors.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { rawRequest } from '../../../helpers/raw-http.ts';

const STATE = 'expected-state-0123456789abcdefghijklmnopqrstu';
const open: LoopbackListener[] = [];

async function start(options: { lingerMs?: number } = {}) {
  const clock = createFakeClock();
  const listener = await createLoopbackListener({ expectedState: STATE, clock, ...options });
  open.push(listener);
  let deliveries = 0;
  let delivered: URL | null = null;
  void listener.callback.then((url) => {
    deliveries += 1;
    delivered = url;
  });
  const base = listener.redirectUri.replace('/callback', '');
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { clock, listener, base, tick, deliveries: () => deliveries, delivered: () => delivered };
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((listener) => listener.close()));
});

describe('loopback listener', () => {
  it('binds 127.0.0.1 on an ephemeral port and uses the literal in redirect_uri', async () => {
    const a = await start();
    const b = await start();
    expect(a.listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(a.listener.redirectUri).not.toBe(b.listener.redirectUri);
  });

  it('answers other paths and methods with 404 without touching the flow', async () => {
    const t = await start();
    for (const [method, path] of [
      ['GET', '/favicon.ico'],
      ['GET', '/'],
      ['GET', '/callback/'],
      ['GET', '/CALLBACK?state=' + STATE],
      ['GET', '/callbackx?state=' + STATE],
      ['POST', `/callback?code=c&state=${STATE}`],
      ['HEAD', `/callback?code=c&state=${STATE}`],
      ['OPTIONS', '*'],
    ] as const) {
      const res = await rawRequest(t.base, { method, path });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    await t.tick();
    expect(t.deliveries()).toBe(0);
  });

  it('answers a wrong or missing state with 400 and keeps waiting for the real callback', async () => {
    const t = await start();
    for (const path of [
      '/callback?code=c',
      '/callback?code=c&state=wrong',
      `/callback?code=c&state=${STATE}x`,
      '/callback',
      `/callback?state=${STATE.toUpperCase()}`,
    ]) {
      const res = await rawRequest(t.base, { path });
      expect(res.status, path).toBe(400);
      expect(res.body).toContain('not valid');
    }
    await t.tick();
    expect(t.deliveries()).toBe(0);

    const pending = rawRequest(`${t.listener.redirectUri}?code=good&state=${STATE}`);
    await expect(t.listener.callback).resolves.toBeInstanceOf(URL);
    t.listener.finish({ ok: true, title: 'Done', message: 'ok' });
    expect((await pending).status).toBe(200);
  });

  it('rejects oversized URLs and bad encodings with 400 and keeps waiting', async () => {
    const t = await start();
    const hostile = [
      `/callback?state=${STATE}&code=${'a'.repeat(5000)}`,
      `/callback?state=${STATE}&code=%E0%A4%A`,
      `/callback?state=${STATE}&code=%ZZ`,
      `/callback?state=%FF%FE&code=c`,
      `/callback?state=${STATE}&state=${STATE}&code=c`,
      `/callback?state=${STATE}&code=a&code=b`,
    ];
    for (const path of hostile) {
      const res = await rawRequest(t.base, { path });
      expect(res.status, path.slice(0, 80)).toBe(400);
    }
    const huge = await rawRequest(t.base, {
      path: `/callback?state=${STATE}&code=${'b'.repeat(40_000)}`,
    });
    expect(huge.status).toBeGreaterThanOrEqual(400);
    await t.tick();
    expect(t.deliveries()).toBe(0);
  });

  it('holds the browser until the real result, delivers once, and shows the same result on repeats', async () => {
    const t = await start();
    const first = rawRequest(`${t.listener.redirectUri}?code=abc&state=${STATE}`);
    const url = await t.listener.callback;
    expect(url.searchParams.get('code')).toBe('abc');
    expect(url.href.startsWith(t.listener.redirectUri)).toBe(true);
    const repeatWhilePending = rawRequest(`${t.listener.redirectUri}?code=abc&state=${STATE}`);
    await t.tick();

    t.listener.finish({
      ok: true,
      title: "You're signed in — you can close this tab",
      message: 'All good',
    });
    const [a, b] = await Promise.all([first, repeatWhilePending]);
    const c = await rawRequest(`${t.listener.redirectUri}?code=abc&state=${STATE}`);
    for (const res of [a, b, c]) {
      expect(res.status).toBe(200);
      expect(res.body).toContain('You&#39;re signed in — you can close this tab');
    }
    expect(t.deliveries()).toBe(1);
    expect(a.headers['cache-control']).toBe('no-store');
    expect(a.headers['content-security-policy']).toBe(CALLBACK_PAGE_CSP);
    expect(CALLBACK_PAGE_CSP).toContain("default-src 'none'");
    expect(CALLBACK_PAGE_CSP).not.toContain('unsafe-inline');
    expect(a.headers['referrer-policy']).toBe('no-referrer');
    expect(a.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('HTML-escapes the result text', async () => {
    const t = await start();
    const pending = rawRequest(`${t.listener.redirectUri}?code=abc&state=${STATE}`);
    await t.listener.callback;
    t.listener.finish({
      ok: false,
      title: '<script>alert(1)</script>',
      message: 'a & "b" <img src=x>',
    });
    const res = await pending;
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<img');
    expect(res.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('stays up for the linger time after the result, then closes', async () => {
    const t = await start({ lingerMs: 3000 });
    const pending = rawRequest(`${t.listener.redirectUri}?code=abc&state=${STATE}`);
    await t.listener.callback;
    t.listener.finish({ ok: true, title: 'Done', message: 'ok' });
    await pending;
    await t.clock.advance(2000);
    expect((await rawRequest(`${t.listener.redirectUri}?code=abc&state=${STATE}`)).status).toBe(
      200,
    );
    expect(t.clock.pendingTimers()).toBe(1);
    await t.clock.advance(1000);
    // The linger timer has fired and started closing; close() returns that same closing.
    expect(t.clock.pendingTimers()).toBe(0);
    await t.listener.close();
    await expect(rawRequest(t.listener.redirectUri)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('close() answers a waiting browser and frees the port', async () => {
    const t = await start();
    const pending = rawRequest(`${t.listener.redirectUri}?code=abc&state=${STATE}`);
    await t.listener.callback;
    await t.listener.close();
    expect((await pending).body).toContain('This sign-in has ended');
    await expect(rawRequest(t.listener.redirectUri)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('rejects cleanly with loopback_failed when it cannot listen', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await createLoopbackListener({
        expectedState: STATE,
        clock: createFakeClock(),
        port,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('loopback_failed');
      expect((error as AppError).message).toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });
});
