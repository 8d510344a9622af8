import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFaultInjector } from '../../../main/sandbox/faults.ts';
import { createSeededRandom } from '../../../main/sandbox/random.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { getJson, postForm, refreshBody, signIn } from './sandbox-kit.ts';

const PER_SECOND = {
  code: 429,
  message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
};

describe('rate limits and injected faults', () => {
  let sandbox: ZoomSandbox | undefined;
  afterEach(() => sandbox?.close());

  it('limits users/me to 30 per second (Light) and meetings to 20 (Medium), per sandbox second', async () => {
    const clock = createFakeClock(Date.parse('2026-11-24T09:00:00.000Z'));
    sandbox = await startZoomSandbox({ now: clock.now });
    const { access_token: token } = await signIn(sandbox);
    const me = () => getJson(`${sandbox?.apiBaseUrl}/users/me`, token);
    const list = () => getJson(`${sandbox?.apiBaseUrl}/users/me/meetings`, token);

    for (let i = 1; i <= 30; i += 1) {
      const response = await me();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-remaining')).toBe(String(30 - i));
    }
    const limited = await me();
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual(PER_SECOND);
    expect(limited.headers.get('x-ratelimit-category')).toBe('Light');
    expect(limited.headers.get('x-ratelimit-type')).toBe('QPS');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('30');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');

    for (let i = 0; i < 20; i += 1) expect((await list()).status).toBe(200);
    const medium = await list();
    expect(medium.status).toBe(429);
    expect(medium.headers.get('x-ratelimit-category')).toBe('Medium');
    expect(medium.headers.get('x-ratelimit-limit')).toBe('20');

    clock.jump(1000);
    expect((await me()).status).toBe(200);
    expect((await list()).status).toBe(200);
  });

  it('turns rate limits off with rateLimits: false', async () => {
    sandbox = await startZoomSandbox({ now: () => 0, rateLimits: false });
    const { access_token: token } = await signIn(sandbox);
    for (let i = 0; i < 35; i += 1)
      expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, token)).status).toBe(200);
  });

  it('serverErrorRate 1 answers API and token requests with Zoom-style 500s; setFaults turns it off', async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    sandbox.setFaults({ serverErrorRate: 1 });
    expect(await getJson(`${sandbox.apiBaseUrl}/users/me`, tokens.access_token)).toMatchObject({
      status: 500,
      body: { code: 500, message: expect.any(String) },
    });
    expect(
      await postForm(`${sandbox.url}/oauth/token`, refreshBody(sandbox, tokens.refresh_token)),
    ).toMatchObject({
      status: 500,
      body: { error: 'server_error' },
    });
    const consentPage = await fetch(
      `${sandbox.url}/oauth/authorize?client_id=${sandbox.clients.public.clientId}`,
    );
    expect(consentPage.status).toBe(200); // the consent page is never faulted
    sandbox.setFaults({});
    expect(
      (await postForm(`${sandbox.url}/oauth/token`, refreshBody(sandbox, tokens.refresh_token)))
        .status,
    ).toBe(200);
  });

  it('rateLimitRate 1 answers 429 with Retry-After', async () => {
    sandbox = await startZoomSandbox({ faults: { rateLimitRate: 1, retryAfterSeconds: 7 } });
    const response = await fetch(`${sandbox.apiBaseUrl}/users/me/meetings`, {
      headers: { Authorization: 'Bearer x' },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-ratelimit-category')).toBe('Medium');
    expect(await response.json()).toEqual(PER_SECOND);
  });

  it('dropRate 1 destroys the connection without an answer', async () => {
    sandbox = await startZoomSandbox({ faults: { dropRate: 1 } });
    await expect(fetch(`${sandbox.apiBaseUrl}/users/me`)).rejects.toThrow(TypeError);
    expect(sandbox.counters().requests['GET /v2/users/me']).toBe(1);
  });

  it('draws faults from the injected random source, reproducibly', () => {
    const draws = [0.05, 0.2, 0.4, 0.9];
    const faults = createFaultInjector({
      random: () => draws.shift() ?? 1,
      initial: { dropRate: 0.1, serverErrorRate: 0.2, rateLimitRate: 0.2 },
    });
    expect([faults.pick(), faults.pick(), faults.pick(), faults.pick()]).toEqual([
      'drop',
      'server_error',
      'rate_limit',
      null,
    ]);
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const sequence = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(sequence);
    expect(new Set(sequence).size).toBe(5);
    expect(sequence.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('waits latencyMs before answering', async () => {
    const waits: Array<{ ms: number; release: () => void }> = [];
    let announce: () => void = () => {};
    const waiting = new Promise<void>((resolve) => (announce = resolve));
    sandbox = await startZoomSandbox({
      latencyMs: 250,
      sleep: (ms) =>
        new Promise<void>((release) => {
          waits.push({ ms, release });
          announce();
        }),
    });
    let answered = false;
    const request = fetch(`${sandbox.url}/.well-known/oauth-authorization-server`).then((r) => {
      answered = true;
      return r;
    });
    await waiting;
    expect(waits.map((w) => w.ms)).toEqual([250]);
    expect(answered).toBe(false);
    waits[0]?.release();
    expect((await request).status).toBe(200);
  });

  it('closes open connections on close(), even a half-sent request', async () => {
    sandbox = await startZoomSandbox();
    const socket = connect(sandbox.port, '127.0.0.1');
    socket.on('error', () => {}); // a reset is the expected way for the server to end it
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET /v2/users/me HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers never finish
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    await sandbox.close();
    await socketClosed;
    expect(socket.destroyed).toBe(true);
  });
});
