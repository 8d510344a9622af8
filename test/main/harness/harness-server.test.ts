import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installHarnessIpc } from '../../../main/harness/harness-ipc-transport.ts';
import { startHarnessServer, type HarnessServer } from '../../../main/harness/harness-server.ts';
import type { SessionState } from '../../../preload/contract.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createFakeSessionService } from '../../fakes/fake-session-service.ts';
import { createFakeSettingsService } from '../../fakes/fake-settings-service.ts';
import { createFakeDisplaySource } from '../../fakes/fake-display.ts';

const signedOut: SessionState = { kind: 'signed-out', reason: null, demo: true, sessionOnly: null };
const signingIn: SessionState = {
  kind: 'signing-in',
  authorizationUrl: 'http://127.0.0.1:1/auth',
  demo: true,
  sessionOnly: null,
};

function makeBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'harness-build-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'inside');
  writeFileSync(join(dir, '..', 'outside.txt'), 'outside');
  const preload = join(dir, '..', 'web-preload.js');
  writeFileSync(preload, '/* preload */');
  return { rendererDir: dir, webPreloadFile: preload };
}

describe('browser harness server', () => {
  let server: HarnessServer;
  const calls: Array<{ channel: string; origin: string; args: unknown }> = [];

  afterEach(async () => {
    await server?.close();
    calls.length = 0;
  });

  /** The HTTP server alone, its IPC routes recording what they were given. */
  async function start() {
    server = await startHarnessServer({ ...makeBuild(), token: 'run-token-123' });
    server.serveIpc({
      invoke: async (channel, origin, args) => {
        calls.push({ channel, origin, args });
        return { ok: true, value: channel };
      },
      openStream: () => () => undefined,
    });
    return server;
  }

  /** The harness as `npm run web` runs it: the one IPC door over a session. */
  async function startWithIpc() {
    server = await startHarnessServer({ ...makeBuild(), token: 'run-token-123' });
    const session = createFakeSessionService(signedOut);
    const display = createFakeDisplaySource({ timeZone: null, locale: null });
    installHarnessIpc({
      harness: server,
      session: session.service,
      settings: createFakeSettingsService().service,
      display,
      logger: createCapturingLogger(),
    });
    return { server, session, display };
  }

  const invoke = (channel: string, headers: Record<string, string>, body = '[]') =>
    fetch(`${server.origin}/api/invoke/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: {
        'x-harness-token': 'run-token-123',
        'content-type': 'application/json',
        ...headers,
      },
      body,
    });

  it('binds 127.0.0.1 and prints a URL that carries the token', async () => {
    await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=run-token-123$/);
  });

  it('refuses requests without the token', async () => {
    await start();
    expect((await fetch(`${server.origin}/`)).status).toBe(403);
    expect((await fetch(`${server.origin}/?token=wrong`)).status).toBe(403);
    expect(
      (await fetch(`${server.origin}/api/invoke/session:get`, { method: 'POST', body: '[]' }))
        .status,
    ).toBe(403);
  });

  it('serves index.html with the web preload injected first, and sets the token cookie', async () => {
    await start();
    const res = await fetch(server.url);
    const html = await res.text();
    expect(html.indexOf('web-preload.js')).toBeGreaterThan(-1);
    expect(html.indexOf('web-preload.js')).toBeLessThan(html.indexOf('<title>'));
    expect(res.headers.get('set-cookie')).toContain('HttpOnly');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await fetch(`${server.origin}/assets/app.js`, {
      headers: { cookie: 'mt_harness=run-token-123' },
    });
    expect(asset.status).toBe(200);
  });

  it('never serves files outside the build directory', async () => {
    await start();
    const headers = { cookie: 'mt_harness=run-token-123' };
    for (const path of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
    ]) {
      const res = await fetch(`${server.origin}${path}`, { headers });
      expect(res.status, path).toBe(404);
    }
    expect((await fetch(`${server.origin}/secret.txt`, { headers })).status).toBe(200);
  });

  it('hands invokes to the IPC routes with the Origin and the parsed body', async () => {
    await start();
    const res = await invoke('auth:sign-in', { origin: server.origin }, JSON.stringify(['a', 2]));
    expect(await res.json()).toEqual({ ok: true, value: 'auth:sign-in' });
    expect(calls).toEqual([{ channel: 'auth:sign-in', origin: server.origin, args: ['a', 2] }]);
  });

  it('answers the API with 503 until the IPC routes are served, and again once they stop', async () => {
    server = await startHarnessServer({ ...makeBuild(), token: 'run-token-123' });
    expect((await invoke('session:get', { origin: server.origin })).status).toBe(503);
    const stop = server.serveIpc({
      invoke: async () => ({ ok: true, value: null }),
      openStream: () => () => undefined,
    });
    expect((await invoke('session:get', { origin: server.origin })).status).toBe(200);
    stop();
    expect((await invoke('session:get', { origin: server.origin })).status).toBe(503);
  });

  it('answers through the IPC door: the page’s own origin is trusted, any other is refused', async () => {
    const { session } = await startWithIpc();
    expect(await (await invoke('auth:sign-in', { origin: server.origin })).json()).toEqual({
      ok: true,
      value: undefined,
    });
    const strangers: Array<Record<string, string>> = [
      { origin: 'http://127.0.0.1:1' },
      { origin: 'null' },
      {},
    ];
    for (const headers of strangers) {
      expect(await (await invoke('auth:sign-in', headers)).json()).toMatchObject({
        ok: false,
        code: 'untrusted_sender',
      });
    }
    expect(
      await (await invoke('auth:sign-in', { origin: server.origin }, '"x"')).json(),
    ).toMatchObject({ ok: false, code: 'invalid_argument' });
    expect(session.calls).toEqual(['signIn']);
  });

  it('rejects oversized and malformed bodies without dispatching', async () => {
    await start();
    const headers = { 'x-harness-token': 'run-token-123' };
    const big = await fetch(`${server.origin}/api/invoke/x`, {
      method: 'POST',
      headers,
      body: 'x'.repeat(70_000),
    });
    const bad = await fetch(`${server.origin}/api/invoke/x`, {
      method: 'POST',
      headers,
      body: '{not json',
    });
    expect([big.status, bad.status]).toEqual([400, 400]);
    expect(calls).toHaveLength(0);
  });

  it('streams the current state, then every change and open-url request', async () => {
    const { session } = await startWithIpc();
    const controller = new AbortController();
    const res = await fetch(`${server.origin}/api/events?token=run-token-123`, {
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil('"signed-out"');
    expect(session.listenerCount()).toBe(1);
    session.publish(signingIn);
    await readUntil('"signing-in"');
    await server.openInPage('http://127.0.0.1:1/oauth/authorize?x=1');
    await readUntil('event: harness:open-url');
    controller.abort();
    expect(text).toContain('event: session:changed');
    await vi.waitFor(() => expect(session.listenerCount()).toBe(0));
  });

  it("streams main's display at once and on every push, and stops listening with the stream", async () => {
    const { display } = await startWithIpc();
    const controller = new AbortController();
    const res = await fetch(`${server.origin}/api/events?token=run-token-123`, {
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil('event: display:changed');
    expect(display.listenerCount()).toBe(1);
    display.push({ now: 1_800_000_000_000, clock: '12h' });
    await readUntil('"now":1800000000000');
    expect(text).toContain('"clock":"12h"');
    controller.abort();
    await vi.waitFor(() => expect(display.listenerCount()).toBe(0));
  });

  it('answers test routes only when given them, behind the token', async () => {
    server = await startHarnessServer({
      ...makeBuild(),
      token: 'run-token-123',
      testRoutes: { echo: (body) => ({ got: body }) },
    });
    const post = (path: string, token: string) =>
      fetch(`${server.origin}${path}`, {
        method: 'POST',
        headers: { 'x-harness-token': token, 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: 60_000 }),
      });
    expect(await (await post('/__test/echo', 'run-token-123')).json()).toEqual({
      got: { advanceMs: 60_000 },
    });
    expect((await post('/__test/echo', 'wrong')).status).toBe(403);
    expect((await post('/__test/other', 'run-token-123')).status).toBe(405);
    await server.close();

    server = await startHarnessServer({ ...makeBuild(), token: 'run-token-123' });
    expect((await post('/__test/echo', 'run-token-123')).status).toBe(405);
  });
});
