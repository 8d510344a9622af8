// In the app, the core's Fetch port is Electron's session.fetch (Chromium's network stack) on a
// partition of its own, without cookies. The fake session sends real HTTP to 127.0.0.1.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxProviderConfig } from '../../../../main/core/config/sandbox-provider.ts';
import { createElectronFetch } from '../../../../main/desktop/network/electron-fetch.ts';
import {
  installNetwork,
  ZOOM_API_PARTITION,
} from '../../../../main/desktop/network/install-network.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../../main/sandbox/index.ts';
import { FakeFetchSession } from '../../../fakes/electron/session.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';
import { createAuthHarness } from '../../../helpers/auth-harness.ts';
import { consent } from '../../../helpers/sandbox-browser.ts';

let sandbox: ZoomSandbox;
let echo: ReturnType<typeof createServer>;
let echoUrl: string;
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  sandbox = await startZoomSandbox({ rateLimits: false });
  echo = createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => echo.close(resolve));
});

describe('electron fetch', () => {
  it('sends through the session, never with credentials, whatever the caller asked', async () => {
    const session = new FakeFetchSession('persist:test');
    const fetch = createElectronFetch(session);
    const answer = await fetch(new URL('/v2/users/me', echoUrl), {
      credentials: 'include',
      headers: { authorization: 'Bearer x' },
    });
    expect(await answer.json()).toEqual({ path: '/v2/users/me' });
    expect(session.requests).toEqual([
      { url: `${echoUrl}/v2/users/me`, method: 'GET', credentials: 'omit' },
    ]);
    expect(seen.at(-1)?.authorization).toBe('Bearer x');
  });

  it('honours the caller’s AbortSignal', async () => {
    const fetch = createElectronFetch(new FakeFetchSession('persist:test'));
    const signal = AbortSignal.abort(new Error('deadline'));
    await expect(fetch(`${echoUrl}/slow`, { signal })).rejects.toThrow('deadline');
  });

  it('the app’s Zoom calls use the persist:zoom-api partition; a whole sign-in runs over it', async () => {
    const partitions: FakeFetchSession[] = [];
    const fetch = installNetwork({
      session: {
        fromPartition: (name) => {
          const session = new FakeFetchSession(name);
          partitions.push(session);
          return session;
        },
      },
    });
    expect(partitions.map((session) => session.partition)).toEqual([ZOOM_API_PARTITION]);
    const harness = createAuthHarness({
      provider: sandboxProviderConfig({
        url: sandbox.url,
        apiBaseUrl: sandbox.apiBaseUrl,
        clientId: sandbox.clients.public.clientId,
      }),
      secrets: createMemorySecretStore(),
      clock: createFakeClock(Date.now()),
      fetch,
      consent: (url) => consent(url, 'allow'),
    });
    await harness.auth.signIn();
    expect(harness.auth.status()).toMatchObject({ kind: 'signed-in' });
    const requests = partitions[0]!.requests;
    expect(requests).toContainEqual({
      url: `${sandbox.url}/oauth/token`,
      method: 'POST',
      credentials: 'omit',
    });
    expect(requests.every((request) => request.credentials === 'omit')).toBe(true);
    await harness.auth.dispose();
  });
});
