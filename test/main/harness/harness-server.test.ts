import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startHarnessServer,
  type HarnessSender,
  type HarnessServer,
} from '../../../main/harness/harness-server.ts';
import type { SessionState } from '../../../preload/contract.ts';

const signedOut: SessionState = { kind: 'signed-out', reason: null, demo: true, sessionOnly: null };

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
  const calls: Array<{ channel: string; sender: HarnessSender; args: unknown[] }> = [];
  const listeners = new Set<(s: SessionState) => void>();

  afterEach(async () => {
    await server?.close();
    calls.length = 0;
    listeners.clear();
  });

  async function start() {
    server = await startHarnessServer({
      ...makeBuild(),
      token: 'run-token-123',
      dispatch: async (channel, sender, args) => {
        calls.push({ channel, sender, args });
        return { ok: true, value: channel };
      },
      currentState: () => signedOut,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    return server;
  }

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

  it('dispatches invokes with the Origin as the sender frame', async () => {
    await start();
    const res = await fetch(`${server.origin}/api/invoke/auth%3Asign-in`, {
      method: 'POST',
      headers: {
        'x-harness-token': 'run-token-123',
        origin: server.origin,
        'content-type': 'application/json',
      },
      body: JSON.stringify(['a', 2]),
    });
    expect(await res.json()).toEqual({ ok: true, value: 'auth:sign-in' });
    expect(calls).toEqual([
      {
        channel: 'auth:sign-in',
        sender: { frameUrl: server.origin, isMainFrame: true, webContentsId: 1 },
        args: ['a', 2],
      },
    ]);
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
    await start();
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
    for (const listener of listeners)
      listener({
        kind: 'signing-in',
        authorizationUrl: 'http://127.0.0.1:1/auth',
        demo: true,
        sessionOnly: null,
      });
    await readUntil('"signing-in"');
    await server.openInPage('http://127.0.0.1:1/oauth/authorize?x=1');
    await readUntil('event: harness:open-url');
    controller.abort();
    expect(text).toContain('event: session:changed');
  });
});
