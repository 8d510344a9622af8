// Sign-in against the local Zoom sandbox (public and confidential clients) with the real
// OS keychain and real HTTP on 127.0.0.1.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthService } from '../../../main/core/auth/auth-service.types.ts';
import type { AuthProviderConfig } from '../../../main/core/config/auth-config.types.ts';
import { sandboxProviderConfig } from '../../../main/core/config/sandbox-provider.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.ts';
import { createAuthHarness, createTestKeychain } from '../../helpers/auth-harness.ts';
import { consent } from '../../helpers/sandbox-browser.ts';

const START = Date.now();
let clock: FakeClock;
let sandbox: ZoomSandbox;
const services: AuthService[] = [];

beforeAll(async () => {
  clock = createFakeClock(START);
  sandbox = await startZoomSandbox({ now: () => clock.now(), rateLimits: false });
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.dispose()));
});
afterAll(async () => {
  await sandbox.close();
});

const grants = () => sandbox.counters().grants;
const tokenRequests = () => (grants().authorization_code ?? 0) + (grants().refresh_token ?? 0);

function start(
  provider: AuthProviderConfig,
  keychain: ReturnType<typeof createTestKeychain>,
  decision: 'allow' | 'deny' = 'allow',
) {
  const harness = createAuthHarness({
    provider,
    secrets: keychain.secrets,
    clock,
    consent: (url) => consent(url, decision),
  });
  services.push(harness.auth);
  return harness;
}

async function profileWith(apiBaseUrl: string, accessToken: string): Promise<number> {
  const response = await fetch(`${apiBaseUrl}/users/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await response.body?.cancel();
  return response.status;
}

const kinds = [
  [
    'public client (PKCE, no secret)',
    () =>
      sandboxProviderConfig({
        url: sandbox.url,
        apiBaseUrl: sandbox.apiBaseUrl,
        clientId: sandbox.clients.public.clientId,
      }),
  ],
  [
    'confidential client (HTTP Basic)',
    () =>
      sandboxProviderConfig({
        url: sandbox.url,
        apiBaseUrl: sandbox.apiBaseUrl,
        ...sandbox.clients.confidential,
      }),
  ],
] as const;

describe.each(kinds)('auth against the Zoom sandbox: %s', (_name, providerOf) => {
  it('signs in, survives a restart, refreshes, and revokes', async () => {
    const provider = providerOf();
    const keychain = createTestKeychain();
    sandbox.resetCounters();
    const first = start(provider, keychain);
    await first.auth.signIn();
    expect(first.auth.status()).toEqual({ kind: 'signed-in' });
    await first.auth.drain(5_000); // the first save runs beside the first fetch; quit waits for it
    expect((await first.pages[0])?.body).toContain('signed in — you can close this tab');
    expect(grants().authorization_code).toBe(1);
    const signedIn = await first.auth.getAccessToken();
    expect(signedIn.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(await profileWith(signedIn.apiBaseUrl, signedIn.accessToken)).toBe(200);
    await first.auth.dispose();

    // Restart within validity: signed in with no token request.
    const second = start(provider, keychain);
    await second.auth.restore();
    expect(second.auth.status()).toEqual({ kind: 'signed-in' });
    expect((await second.auth.getAccessToken()).accessToken).toBe(signedIn.accessToken);
    expect(tokenRequests()).toBe(1);
    await second.auth.dispose();

    // Restart after expiry: exactly one token request.
    clock.jump(3600_000);
    const third = start(provider, keychain);
    await third.auth.restore();
    const refreshed = await third.auth.getAccessToken();
    expect(tokenRequests()).toBe(2);
    expect(refreshed.accessToken).not.toBe(signedIn.accessToken);
    expect(await profileWith(refreshed.apiBaseUrl, refreshed.accessToken)).toBe(200);

    // Proactive refresh on schedule: on the first minute tick after expiry − 6 min (3599 s tokens).
    await clock.advance(55 * 60_000);
    // The timer fired; the refresh itself is real HTTP, so wait for the new token to land.
    await vi.waitFor(async () =>
      expect((await third.auth.getAccessToken()).accessToken).not.toBe(refreshed.accessToken),
    );
    expect(grants().refresh_token).toBe(2);
    const latest = await third.auth.getAccessToken();
    expect(await profileWith(latest.apiBaseUrl, latest.accessToken)).toBe(200);

    await expect(third.auth.signOut()).resolves.toEqual({
      serverRevoked: true,
      revocation: 'revoked',
    });
    expect(await keychain.entries()).toEqual([]);
    expect(await profileWith(latest.apiBaseUrl, latest.accessToken)).toBe(401);
  });

  it('reports access_denied when the person presses Deny', async () => {
    const keychain = createTestKeychain();
    const harness = start(providerOf(), keychain, 'deny');
    await expect(harness.auth.signIn()).rejects.toMatchObject({ code: 'access_denied' });
    expect((await harness.pages[0])?.body).toContain('You declined');
    expect(await keychain.entries()).toEqual([]);
  });
});

describe('auth against the Zoom sandbox: failures', () => {
  it('a wrong client secret is invalid_client', async () => {
    const provider = sandboxProviderConfig({
      url: sandbox.url,
      apiBaseUrl: sandbox.apiBaseUrl,
      clientId: sandbox.clients.confidential.clientId,
      clientSecret: 'wrong',
    });
    const harness = start(provider, createTestKeychain());
    await expect(harness.auth.signIn()).rejects.toMatchObject({ code: 'invalid_client' });
  });

  it('server trouble during refresh keeps the session and recovers', async () => {
    const provider = kinds[0][1]();
    const keychain = createTestKeychain();
    const harness = start(provider, keychain);
    await harness.auth.signIn();
    sandbox.setFaults({ serverErrorRate: 1 });
    clock.jump(3600_000);
    await expect(harness.auth.getAccessToken()).rejects.toMatchObject({ code: 'server_error' });
    expect(harness.auth.status()).toEqual({ kind: 'signed-in' });
    sandbox.setFaults({});
    await clock.advance(60_000);
    await expect(harness.auth.getAccessToken()).resolves.toBeTruthy();
    expect(await keychain.entries()).not.toEqual([]);
    await harness.auth.signOut();
  });
});
