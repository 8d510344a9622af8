import { afterEach, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { getJson, signIn } from './sandbox-kit.ts';

describe('sandbox outage (pause / resume)', () => {
  let sandbox: ZoomSandbox;
  afterEach(async () => sandbox?.close());

  it('refuses connections while paused and keeps every grant for when it comes back', async () => {
    sandbox = await startZoomSandbox();
    const tokens = await signIn(sandbox);
    await sandbox.pause();
    await expect(fetch(`${sandbox.apiBaseUrl}/users/me`)).rejects.toThrow();
    await sandbox.resume();
    const me = await getJson(`${sandbox.apiBaseUrl}/users/me`, tokens.access_token);
    expect(me.status).toBe(200);
  });

  it('can be closed while paused', async () => {
    sandbox = await startZoomSandbox();
    await sandbox.pause();
    await expect(sandbox.close()).resolves.toBeUndefined();
  });
});
