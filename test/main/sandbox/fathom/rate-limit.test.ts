// 60 requests per 60 s per account (fathom-facts §2.8), with RateLimit-* headers on every answer,
// a JSON 429, Retry-After only with the switch, and a fresh window afterwards (injected clock).
import { afterEach, describe, expect, it } from 'vitest';
import {
  startFathomSandbox,
  type FathomSandbox,
  type FathomSandboxOptions,
} from '../../../../main/sandbox/fathom/index.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { getApi } from './fathom-kit.ts';

const running: FathomSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});
async function start(options: FathomSandboxOptions = {}) {
  const sandbox = await startFathomSandbox(options);
  running.push(sandbox);
  return sandbox;
}

describe('rate limit', () => {
  it('allows 60 calls in a window, then 429 with the headers, then a new window', async () => {
    const clock = createFakeClock();
    const sandbox = await start({ now: clock.now });
    const key = { apiKey: sandbox.clients.apiKey };
    for (let i = 1; i <= 60; i += 1) {
      const answer = await getApi(
        sandbox,
        i % 2 ? '/meetings' : '/recordings/96410013/summary',
        key,
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('60');
      expect(answer.headers.get('ratelimit-remaining')).toBe(String(60 - i));
      expect(answer.headers.get('ratelimit-reset')).toBe('60');
    }
    clock.jump(20_000);
    const limited = await getApi(sandbox, '/meetings', key);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
    expect(limited.body).toMatchObject({ error: 'rate_limited' });
    expect(limited.headers.get('ratelimit-limit')).toBe('60');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).toBe('40');
    expect(limited.headers.get('retry-after')).toBeNull();
    clock.jump(39_999);
    expect((await getApi(sandbox, '/meetings', key)).status).toBe(429);
    clock.jump(1);
    const again = await getApi(sandbox, '/meetings', key);
    expect(again.status).toBe(200);
    expect(again.headers.get('ratelimit-remaining')).toBe('59');
  });

  it('the Retry-After switch adds Retry-After to the 429', async () => {
    const clock = createFakeClock();
    const sandbox = await start({ now: clock.now, rateLimit: { limit: 2, retryAfter: true } });
    const key = { apiKey: sandbox.clients.apiKey };
    await getApi(sandbox, '/meetings', key);
    await getApi(sandbox, '/meetings', key);
    clock.jump(15_000);
    const limited = await getApi(sandbox, '/meetings', key);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.headers.get('ratelimit-reset')).toBe('45');
  });

  it('counts per account; unauthenticated calls do not use the window up', async () => {
    const clock = createFakeClock();
    const sandbox = await start({ now: clock.now, rateLimit: { limit: 3, windowSeconds: 10 } });
    for (let i = 0; i < 5; i += 1)
      expect((await getApi(sandbox, '/meetings', { apiKey: 'wrong' })).status).toBe(401);
    const key = { apiKey: sandbox.clients.apiKey };
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await getApi(sandbox, '/meetings', key)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('an injected 429 carries the RateLimit headers', async () => {
    const sandbox = await start({ faults: { rateLimitRate: 1, retryAfterSeconds: 9 } });
    const limited = await getApi(sandbox, '/meetings', { apiKey: sandbox.clients.apiKey });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-reset')).toBe('9');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
  });
});
