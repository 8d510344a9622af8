// The shared auth core configured for Fathom (fathomProviderConfig) against a scripted Fathom
// server on 127.0.0.1, with the real OS keychain (gnome-keyring under npm test).
import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthService } from '../../../../main/core/auth/auth-service.ts';
import type { AuthService } from '../../../../main/core/auth/auth-service.types.ts';
import { createLoopbackListener } from '../../../../main/core/auth/loopback-listener.ts';
import { parseTokenSet } from '../../../../main/core/auth/token-set.ts';
import {
  FATHOM_SESSION_SETTINGS_KEY,
  fathomRedirectUri,
} from '../../../../main/core/config/fathom-provider-config.ts';
import type { SecretStore } from '../../../../main/core/ports.ts';
import { createFakeClock, type FakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeTokenEndpoint } from '../../../fakes/fake-token-endpoint.ts';
import { createFakeWakeEvents } from '../../../fakes/fake-wake-events.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { createTestKeychain } from '../../../helpers/auth-harness.ts';
import { rawRequest } from '../../../helpers/raw-http.ts';
import { createFathomAuth, freePort } from '../fathom/fathom-auth.fixture.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  startScriptedFathomServer,
  type ScriptedFathomServer,
} from '../fathom/scripted-fathom-server.ts';

const HOUR = 3_600_000;
const ACCOUNT = `fathom:${CLIENT_ID}`;

let server: ScriptedFathomServer;
let clock: FakeClock;
let port: number;
const services: AuthService[] = [];

beforeEach(async () => {
  server = await startScriptedFathomServer();
  clock = createFakeClock();
  port = await freePort();
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((auth) => auth.dispose()));
  await server.close();
});

function fathom(secrets: SecretStore, options: { pkce?: boolean } = {}) {
  const fixture = createFathomAuth({ server, secrets, clock, redirectPort: port, ...options });
  services.push(fixture.auth);
  return fixture;
}

async function signedIn(secrets: SecretStore, options: { pkce?: boolean } = {}) {
  const fixture = fathom(secrets, options);
  await fixture.auth.signIn();
  await fixture.auth.drain(1_000);
  return fixture;
}

const storedTokens = async (secrets: SecretStore) => parseTokenSet(await secrets.get(ACCOUNT));

describe('Fathom sign-in through the shared auth core', () => {
  it('with pkce: false sends no PKCE, puts client_id and client_secret in the form body, and uses the fixed redirect', async () => {
    const keychain = createTestKeychain();
    const f = await signedIn(keychain.secrets, { pkce: false });
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });

    const authorize = new URL(f.opened[0] ?? '');
    expect(authorize.origin + authorize.pathname).toBe(
      `${server.url}/external/v1/oauth2/authorize`,
    );
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('scope')).toBe('public_api');
    expect(authorize.searchParams.get('redirect_uri')).toBe(fathomRedirectUri(port));
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `http://127.0.0.1:${port}/fathom/callback`,
    );
    expect(authorize.searchParams.has('code_challenge')).toBe(false);
    expect(authorize.searchParams.has('code_challenge_method')).toBe(false);
    expect(authorize.searchParams.get('state')?.length).toBeGreaterThanOrEqual(32);

    expect(server.tokenRequests).toHaveLength(1);
    const [exchange] = server.tokenRequests;
    expect(exchange?.authorization).toBeNull();
    expect(exchange?.form.get('grant_type')).toBe('authorization_code');
    expect(exchange?.form.get('client_id')).toBe(CLIENT_ID);
    expect(exchange?.form.get('client_secret')).toBe(CLIENT_SECRET);
    expect(exchange?.form.get('redirect_uri')).toBe(fathomRedirectUri(port));
    expect(exchange?.form.has('code_verifier')).toBe(false);

    // Its own keychain record, holding the live refresh token; its own settings entry.
    expect(await keychain.entries()).toEqual([ACCOUNT]);
    expect((await storedTokens(keychain.secrets))?.refreshToken).toBe(server.currentRefreshToken());
    expect(f.settings.get(FATHOM_SESSION_SETTINGS_KEY)).toBeDefined();
    expect(f.settings.get('auth.session')).toBeUndefined();
    const page = await f.pages[0];
    expect(page?.status).toBe(200);
    expect(page?.body).toContain('connected to your Fathom account');
    expect(page?.body).not.toContain('Zoom');
    const grant = await f.auth.getAccessToken();
    expect(grant.apiBaseUrl).toBe(server.apiBaseUrl);
    await f.auth.signOut();
  });

  it('by default it sends S256 PKCE as for Zoom, beside the client secret', async () => {
    const keychain = createTestKeychain();
    const f = fathom(keychain.secrets);
    await f.auth.signIn();
    const authorize = new URL(f.opened[0] ?? '');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(server.tokenRequests[0]?.form.get('code_verifier')?.length).toBeGreaterThanOrEqual(43);
    expect(server.tokenRequests[0]?.form.get('client_secret')).toBe(CLIENT_SECRET);
    await f.auth.signOut();
  });

  it('a busy fixed port fails with loopback_port_busy naming the port, and opens no browser', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const keychain = createTestKeychain();
      const f = fathom(keychain.secrets);
      const error = await f.auth.signIn().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'loopback_port_busy' });
      expect((error as Error).message).toContain(String(port));
      expect(f.opened).toEqual([]);
      expect(f.auth.status()).toMatchObject({
        kind: 'signed-out',
        reason: { code: 'loopback_port_busy' },
      });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('refuses to sign in when the listener factory drops the fixed port (an old binding)', async () => {
    const keychain = createTestKeychain();
    const f = createFathomAuth({ server, secrets: keychain.secrets, clock, redirectPort: port });
    const auth = createAuthService({
      provider: f.provider,
      secrets: keychain.secrets,
      settings: createMemorySettingsStore(),
      clock,
      fetch,
      wake: createFakeWakeEvents(),
      logger: f.logger,
      openBrowser: async (url) => void f.opened.push(url),
      createLoopbackListener: ({ expectedState }) =>
        createLoopbackListener({ expectedState, clock, lingerMs: 0 }),
    });
    services.push(auth);
    await expect(auth.signIn()).rejects.toMatchObject({ code: 'config_invalid' });
    expect(f.opened).toEqual([]);
  });
});

describe('Fathom tokens: rotation, persistence, restart', () => {
  it('100 concurrent callers after expiry make exactly 1 refresh request; the rotated token is in the keychain', async () => {
    const keychain = createTestKeychain();
    const f = await signedIn(keychain.secrets);
    const before = await f.auth.getAccessToken();
    clock.jump(HOUR);
    const grants = await Promise.all(Array.from({ length: 100 }, () => f.auth.getAccessToken()));
    expect(server.grants('refresh_token')).toBe(1);
    expect(new Set(grants.map((g) => g.accessToken)).size).toBe(1);
    expect(grants[0]?.accessToken).not.toBe(before.accessToken);
    const refresh = server.tokenRequests.at(-1);
    expect(refresh?.form.get('client_secret')).toBe(CLIENT_SECRET);
    expect(refresh?.authorization).toBeNull();
    expect((await storedTokens(keychain.secrets))?.refreshToken).toBe(server.currentRefreshToken());
    await f.auth.signOut();
  });

  it('writes the rotated refresh token to the keychain before handing out the new access token', async () => {
    const keychain = createTestKeychain();
    const order: string[] = [];
    let releaseWrite: (() => void) | null = null;
    let holdNext = false;
    const secrets: SecretStore = {
      get: (key) => keychain.secrets.get(key),
      delete: (key) => keychain.secrets.delete(key),
      async set(key, value) {
        order.push('keychain write started');
        if (holdNext) {
          holdNext = false;
          await new Promise<void>((resolve) => (releaseWrite = resolve));
        }
        await keychain.secrets.set(key, value);
        order.push('keychain write done');
      },
    };
    const f = await signedIn(secrets);
    const oldRefresh = server.currentRefreshToken();
    clock.jump(HOUR);
    holdNext = true;
    const pending = f.auth.getAccessToken().then((grant) => {
      order.push('token handed out');
      return grant;
    });
    while (releaseWrite === null) await new Promise((resolve) => setImmediate(resolve));
    expect(order.at(-1)).toBe('keychain write started');
    // Fathom has rotated: the keychain (still the old one) is all that stands between us and loss.
    expect(server.currentRefreshToken()).not.toBe(oldRefresh);
    (releaseWrite as () => void)();
    await pending;
    expect(order.slice(-2)).toEqual(['keychain write done', 'token handed out']);
    expect((await storedTokens(keychain.secrets))?.refreshToken).toBe(server.currentRefreshToken());
    await f.auth.signOut();
  });

  it('after a restart, a valid stored token is used with 0 token requests', async () => {
    const keychain = createTestKeychain();
    const first = await signedIn(keychain.secrets);
    const grant = await first.auth.getAccessToken();
    await first.auth.dispose();
    const requestsBefore = server.tokenRequests.length;

    const restarted = fathom(keychain.secrets);
    await restarted.auth.restore();
    expect(restarted.auth.status()).toEqual({ kind: 'signed-in' });
    expect((await restarted.auth.getAccessToken()).accessToken).toBe(grant.accessToken);
    expect(server.tokenRequests.length).toBe(requestsBefore);
    await restarted.auth.signOut();
  });

  it('a dead refresh token (app removed in Fathom) signs out with fathom_session_expired', async () => {
    const keychain = createTestKeychain();
    const f = await signedIn(keychain.secrets);
    server.disconnect();
    clock.jump(HOUR);
    await expect(f.auth.getAccessToken()).rejects.toMatchObject({
      code: 'fathom_session_expired',
    });
    expect(f.auth.status()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'fathom_session_expired', message: expect.stringContaining('Fathom') },
    });
    await f.auth.drain(1_000);
    expect(await keychain.entries()).toEqual([]);
  });
});

describe('Fathom sign-out (no revocation endpoint)', () => {
  it('wipes the keychain and sends no request at all', async () => {
    const keychain = createTestKeychain();
    const f = await signedIn(keychain.secrets);
    const tokenRequests = server.tokenRequests.length;
    await expect(f.auth.signOut()).resolves.toEqual({
      serverRevoked: false,
      revocation: 'unsupported',
    });
    expect(server.tokenRequests.length).toBe(tokenRequests);
    expect(server.otherRequests).toEqual([]);
    expect(server.apiRequests).toEqual([]);
    expect(await keychain.entries()).toEqual([]);
    expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
  });
});

describe('Zoom and Fathom side by side', () => {
  it('keep separate keychain records; signing one out leaves the other signed in', async () => {
    const keychain = createTestKeychain();
    const zoomEndpoint = createFakeTokenEndpoint();
    const zoom = createAuthService({
      provider: zoomEndpoint.provider,
      secrets: keychain.secrets,
      settings: createMemorySettingsStore(),
      clock,
      fetch: zoomEndpoint.fetch,
      wake: createFakeWakeEvents(),
      logger: { info() {}, warn() {}, error() {} },
      random: () => 0,
      openBrowser: async (url) => {
        const target = new URL(new URL(url).searchParams.get('redirect_uri') ?? '');
        target.searchParams.set('code', zoomEndpoint.issueCode());
        target.searchParams.set('state', new URL(url).searchParams.get('state') ?? '');
        void rawRequest(target.href);
      },
      createLoopbackListener: (listen) => createLoopbackListener({ ...listen, clock, lingerMs: 0 }),
    });
    services.push(zoom);
    await zoom.signIn();
    await zoom.drain(1_000);
    const f = await signedIn(keychain.secrets);

    const accounts = await keychain.entries();
    expect(accounts).toHaveLength(2);
    expect(accounts).toContain(ACCOUNT);
    const zoomAccount = accounts.find((a) => a !== ACCOUNT) ?? '';
    const zoomToken = (await zoom.getAccessToken()).accessToken;

    await expect(f.auth.signOut()).resolves.toMatchObject({ revocation: 'unsupported' });
    expect(zoom.status()).toEqual({ kind: 'signed-in' });
    expect((await zoom.getAccessToken()).accessToken).toBe(zoomToken);
    expect(await keychain.entries()).toEqual([zoomAccount]);

    // And the other way round (the same Fathom service signs in again on its fixed port).
    await f.auth.signIn();
    await f.auth.drain(1_000);
    await expect(zoom.signOut()).resolves.toEqual({ serverRevoked: true, revocation: 'revoked' });
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
    expect(await keychain.entries()).toEqual([ACCOUNT]);
    await f.auth.getAccessToken();
    await f.auth.signOut();
    expect(await keychain.entries()).toEqual([]);
  });
});
