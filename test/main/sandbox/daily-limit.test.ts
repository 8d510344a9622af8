import { afterEach, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { parseSandboxArgs } from '../../../main/sandbox/cli-args.ts';
import { signIn } from './sandbox-kit.ts';

describe('daily rate limit (zoom-facts §7)', () => {
  let sandbox: ZoomSandbox;
  afterEach(async () => sandbox?.close());

  it('answers 429 Daily-limit with Retry-After at the next UTC midnight, per category', async () => {
    let now = Date.parse('2026-11-24T15:30:00Z');
    sandbox = await startZoomSandbox({ now: () => now, dailyLimits: { Light: 2 } });
    const { access_token } = await signIn(sandbox);
    const me = () =>
      fetch(`${sandbox.apiBaseUrl}/users/me`, {
        headers: { authorization: `Bearer ${access_token}` },
      });

    expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(200);
    const limited = await me();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      code: 429,
      message:
        'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
    });
    expect(limited.headers.get('x-ratelimit-type')).toBe('Daily-limit');
    expect(limited.headers.get('x-ratelimit-category')).toBe('Light');
    expect(limited.headers.get('retry-after')).toBe('2026-11-25T00:00:00Z');

    // Medium (meetings) has no daily cap here, and the next UTC day starts afresh.
    const meetings = await fetch(`${sandbox.apiBaseUrl}/users/me/meetings`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(meetings.status).toBe(200);
    now = Date.parse('2026-11-25T00:00:01Z');
    const fresh = await signIn(sandbox);
    const nextDay = await fetch(`${sandbox.apiBaseUrl}/users/me`, {
      headers: { authorization: `Bearer ${fresh.access_token}` },
    });
    expect(nextDay.status).toBe(200);
  });

  it('is a CLI flag', () => {
    expect(parseSandboxArgs(['--daily-limit', '100']).dailyLimits).toEqual({
      Light: 100,
      Medium: 100,
    });
  });
});
