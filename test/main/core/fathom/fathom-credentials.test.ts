// The two credential sources: OAuth (a Fathom AuthService from the shared auth core) and a
// personal API key in the real keychain, driving the API wrapper against the scripted server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthService } from '../../../../main/core/auth/auth-service.types.ts';
import {
  createApiKeyCredentialSource,
  FATHOM_API_KEY_ACCOUNT,
  validateFathomApiKey,
} from '../../../../main/core/fathom/api-key-credential.ts';
import { createFathomApi } from '../../../../main/core/fathom/fathom-api.ts';
import { createOAuthCredentialSource } from '../../../../main/core/fathom/oauth-credential.ts';
import { AppError } from '../../../../main/core/errors.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import { createFakeClock, type FakeClock } from '../../../fakes/fake-clock.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';
import { createTestKeychain } from '../../../helpers/auth-harness.ts';
import { createFathomAuth, freePort } from './fathom-auth.fixture.ts';
import {
  API_KEY,
  startScriptedFathomServer,
  type ScriptedFathomServer,
} from './scripted-fathom-server.ts';

const SINCE = new Date('2026-11-23T09:00:00Z');

let server: ScriptedFathomServer;
let clock: FakeClock;
const services: AuthService[] = [];

beforeEach(async () => {
  server = await startScriptedFathomServer({ pageSize: 2, meetingCount: 3 });
  clock = createFakeClock();
});

afterEach(async () => {
  await Promise.all(services.splice(0).map((auth) => auth.dispose()));
  await server.close();
});

async function oauthApi() {
  const keychain = createTestKeychain();
  const fixture = createFathomAuth({
    server,
    secrets: keychain.secrets,
    clock,
    redirectPort: await freePort(),
  });
  services.push(fixture.auth);
  await fixture.auth.signIn();
  await fixture.auth.drain(1_000);
  const logger = createCapturingLogger();
  const api = createFathomApi({
    fetch,
    credentials: createOAuthCredentialSource(fixture.auth),
    baseUrl: server.apiBaseUrl,
    clock,
    logger,
  });
  return { ...fixture, api, apiLogger: logger, keychain };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('OAuth credentials (bearer)', () => {
  it('sends the access token as Authorization: Bearer, never in the URL', async () => {
    const f = await oauthApi();
    const { meetings } = await f.api.listMeetings({ since: SINCE });
    expect(meetings).toHaveLength(3);
    const token = (await f.auth.getAccessToken()).accessToken;
    for (const request of server.apiRequests) {
      expect(request.authorization).toBe(`Bearer ${token}`);
      expect(request.apiKey).toBeNull();
      expect(request.target).not.toContain(token);
    }
    expect(f.apiLogger.text()).not.toContain(token);
  });

  it('401 → exactly one forced refresh → the call is retried and succeeds', async () => {
    const f = await oauthApi();
    const before = (await f.auth.getAccessToken()).accessToken;
    server.expireAccessTokens();
    await expect(f.api.getSummary(2)).resolves.toMatchObject({ templateName: 'General' });
    expect(server.grants('refresh_token')).toBe(1);
    expect(server.apiRequests.map((r) => r.authorization !== `Bearer ${before}`)).toEqual([
      false,
      true,
    ]);
  });

  it('several calls refused on the same token share one refresh', async () => {
    const f = await oauthApi();
    server.expireAccessTokens();
    const results = await Promise.all([
      f.api.getSummary(1),
      f.api.getSummary(2),
      f.api.getSummary(3),
      f.api.listMeetings({ since: SINCE }),
    ]);
    expect(results).toHaveLength(4);
    expect(server.grants('refresh_token')).toBe(1);
  });

  it('401 again after the refresh → fathom_session_expired (one refresh, two requests)', async () => {
    const f = await oauthApi();
    server.setScript((request) =>
      request.path.endsWith('/meetings') ? { status: 401, body: {} } : null,
    );
    const error = await failure(f.api.listMeetings({ since: SINCE }));
    expect(error.code).toBe('fathom_session_expired');
    expect(server.grants('refresh_token')).toBe(1);
    expect(server.apiRequests).toHaveLength(2);
  });

  it('the app removed in Fathom: 401, the refresh is refused → fathom_session_expired, signed out', async () => {
    const f = await oauthApi();
    server.disconnect();
    const error = await failure(f.api.getSummary(1));
    expect(error.code).toBe('fathom_session_expired');
    expect(f.auth.status()).toMatchObject({ kind: 'signed-out' });
  });

  it('maps a session_expired from an auth core with default wording to fathom_session_expired', async () => {
    const source = createOAuthCredentialSource({
      getAccessToken: async () => {
        throw new AppError('session_expired', 'Your Zoom session ended — sign in again');
      },
    });
    await expect(source.current()).rejects.toMatchObject({ code: 'fathom_session_expired' });
  });

  it('passes forceRefresh, the rejected token and userInitiated through to the auth core', async () => {
    const seen: unknown[] = [];
    const source = createOAuthCredentialSource({
      getAccessToken: async (options) => {
        seen.push(options);
        return { accessToken: 'new', apiBaseUrl: server.apiBaseUrl };
      },
    });
    await expect(
      source.current({
        forceRefresh: true,
        rejected: { kind: 'bearer', accessToken: 'old' },
        userInitiated: true,
      }),
    ).resolves.toEqual({ kind: 'bearer', accessToken: 'new' });
    expect(seen).toEqual([{ forceRefresh: true, rejectedAccessToken: 'old', userInitiated: true }]);
  });
});

describe('API-key credentials (real keychain)', () => {
  it('keeps the key only in the keychain and sends it as X-Api-Key', async () => {
    const keychain = createTestKeychain();
    const source = createApiKeyCredentialSource({ secrets: keychain.secrets });
    expect(await source.has()).toBe(false);
    await expect(source.current()).rejects.toMatchObject({ code: 'not_signed_in' });
    await source.save(API_KEY);
    expect(await keychain.entries()).toEqual([FATHOM_API_KEY_ACCOUNT]);
    expect(await keychain.secrets.get(FATHOM_API_KEY_ACCOUNT)).toBe(API_KEY);

    // A fresh source (a restart) reads it back from the keychain.
    const restarted = createApiKeyCredentialSource({ secrets: keychain.secrets });
    await expect(restarted.current()).resolves.toEqual({ kind: 'api-key', apiKey: API_KEY });
    const logger = createCapturingLogger();
    const api = createFathomApi({
      fetch,
      credentials: restarted,
      baseUrl: server.apiBaseUrl,
      clock,
      logger,
    });
    await api.listMeetings({ since: SINCE });
    expect(server.apiRequests.every((r) => r.apiKey === API_KEY)).toBe(true);
    expect(logger.text()).not.toContain(API_KEY);

    await restarted.clear();
    expect(await keychain.entries()).toEqual([]);
    await expect(restarted.current()).rejects.toMatchObject({ code: 'not_signed_in' });
  });

  it('a forced refresh is impossible for a key: fathom_key_invalid', async () => {
    const source = createApiKeyCredentialSource({ secrets: createMemorySecretStore() });
    await source.save('k');
    await expect(
      source.current({ forceRefresh: true, rejected: { kind: 'api-key', apiKey: 'k' } }),
    ).rejects.toMatchObject({ code: 'fathom_key_invalid' });
  });

  it('a keychain that fails surfaces as a keychain AppError', async () => {
    const source = createApiKeyCredentialSource({
      secrets: createMemorySecretStore({
        failWith: () => new Error("Couldn't access platform storage: no secret service"),
      }),
    });
    await expect(source.save('k')).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });
});

describe('validateFathomApiKey', () => {
  const deps = () => ({
    fetch,
    baseUrl: server.apiBaseUrl,
    clock,
    logger: createCapturingLogger(),
  });

  it('accepts a good key with one cheap call (the first page only)', async () => {
    await expect(validateFathomApiKey(deps(), API_KEY)).resolves.toBeUndefined();
    expect(server.apiRequests).toHaveLength(1);
    expect(server.apiRequests[0]?.path).toBe('/external/v1/meetings');
  });

  it('a refused key → fathom_key_invalid after one request; an empty key sends nothing', async () => {
    await expect(validateFathomApiKey(deps(), 'wrong')).rejects.toMatchObject({
      code: 'fathom_key_invalid',
    });
    expect(server.apiRequests).toHaveLength(1);
    await expect(validateFathomApiKey(deps(), '   ')).rejects.toMatchObject({
      code: 'fathom_key_invalid',
    });
    expect(server.apiRequests).toHaveLength(1);
  });

  it('passes other failures through (429 → rate_limited)', async () => {
    server.setScript(() => ({ status: 429, body: {}, headers: { 'ratelimit-reset': '5' } }));
    await expect(validateFathomApiKey(deps(), API_KEY)).rejects.toMatchObject({
      code: 'rate_limited',
      retryAt: clock.now() + 5_000,
    });
  });
});
