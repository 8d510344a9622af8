// Fathom beside Zoom in the app's own core, over real HTTP to both sandboxes and the real
// keychain: connecting (OAuth and API key), restarting, rotation, disconnecting, and every
// Fathom failure leaving Zoom alone (and the reverse).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FathomState } from '../../../preload/contract.ts';
import { createAuthService } from '../../../main/core/auth/auth-service.ts';
import { createLoopbackListener } from '../../../main/core/auth/loopback-listener.ts';
import { fathomProviderConfig } from '../../../main/core/config/fathom-provider-config.ts';
import { createFathomApi } from '../../../main/core/fathom/fathom-api.ts';
import { createOAuthCredentialSource } from '../../../main/core/fathom/oauth-credential.ts';
import { FATHOM_MODE_KEY } from '../../../main/core/fathom/fathom-connection.ts';
import { NOTES_CACHE_KEY } from '../../../main/core/fathom/notes-cache.ts';
import { createJsonFileSettingsStore } from '../../../main/node/json-file-settings-store.ts';
import { startZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeWake, createRecordingLogger } from '../core/session/session-fakes.ts';
import {
  connectBoth,
  fathomLoaded,
  startFathomKit,
  waitForFathom,
  waitForZoom,
  zoomLoaded,
  type FathomKit,
} from './fathom-kit.ts';

const kits: FathomKit[] = [];
afterEach(async () => {
  for (const kit of kits.splice(0)) await kit.close();
});

async function kit(options?: Parameters<typeof startFathomKit>[0]) {
  const started = await startFathomKit(options);
  kits.push(started);
  return started;
}

const grants = (k: FathomKit) => k.fathom.counters().grants;
const requests = (k: FathomKit, key: string) => k.fathom.counters().requests[key] ?? 0;
const LIST = 'GET /external/v1/meetings';
const connected = (state: FathomState) => {
  if (state.kind !== 'connected') throw new Error(`Fathom is ${state.kind}`);
  return state;
};

// Each test runs two sandboxes, two consent flows and the real keychain: more than Vitest's 5 s.
describe('Fathom OAuth beside Zoom', { timeout: 30_000 }, () => {
  it('connects through the consent page: notes of the past week, mine first, the grant in its own keychain record', async () => {
    const k = await kit();
    const core = await k.launch();
    const state = connected(await connectBoth(core));

    expect(
      k.opened.some((url) => url.startsWith(`${k.fathom.url}/external/v1/oauth2/authorize`)),
    ).toBe(true);
    expect(grants(k).authorization_code).toBe(1);
    expect(state.mode).toBe('oauth');
    expect(state.notes.length).toBeGreaterThan(0);
    const weekAgo = k.clock.now() - 7 * 24 * 3600_000;
    for (const note of state.notes)
      expect(Date.parse(note.startedAt)).toBeGreaterThan(weekAgo - 3600_000);
    const starts = state.notes.map((note) => Date.parse(note.startedAt));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    // The Zoom profile's email decides what is mine; mine come first in each note.
    const zoom = core.session.getState();
    if (zoom.kind !== 'signed-in') throw new Error('Zoom is not signed in');
    const items = state.notes.flatMap((note) => note.actionItems);
    expect(items.some((item) => item.mine)).toBe(true);
    expect(items.some((item) => !item.mine)).toBe(true);
    for (const item of items)
      expect(item.mine).toBe(
        item.assignee.email?.toLowerCase() === zoom.profile.email.toLowerCase(),
      );
    for (const note of state.notes) {
      const flags = note.actionItems.map((item) => item.mine);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    }
    // One listing, no summary calls.
    expect(requests(k, LIST)).toBeGreaterThanOrEqual(1);
    expect(Object.keys(k.fathom.counters().requests).some((key) => key.includes('/summary'))).toBe(
      false,
    );
    // The keychain write runs beside the first listing; it lands under Fathom's own record.
    await vi.waitFor(async () => expect(await k.fathomRecord()).toContain('refresh'));
    expect(k.settingsText()).toContain(FATHOM_MODE_KEY);
  });

  it('restarts connected with 0 token requests while the access token is valid, cached notes first', async () => {
    const k = await kit();
    const first = await k.launch();
    const before = connected(await connectBoth(first));
    await k.quit();
    k.fathom.resetCounters();

    const core = await k.launch();
    // Right after start, before any listing answered: the cached notes, marked stale.
    const shown = connected(core.fathom.getState());
    expect(shown.notes.map((n) => n.recordingId)).toEqual(before.notes.map((n) => n.recordingId));
    expect(shown.stale).toBe(true);
    const fresh = connected(await waitForFathom(core, fathomLoaded));
    expect(fresh.notes.length).toBe(before.notes.length);
    expect(grants(k).refresh_token ?? 0).toBe(0);
    expect(grants(k).authorization_code ?? 0).toBe(0);
    expect(requests(k, LIST)).toBe(1);
  });

  it('rotation under 100 concurrent callers makes 1 token request (Fathom auth core + API wrapper)', async () => {
    const k = await kit({ fathom: { rateLimit: false } });
    const settings = createJsonFileSettingsStore(k.settingsFile);
    const { logger } = createRecordingLogger();
    const provider = fathomProviderConfig({
      clientId: k.fathom.clients.oauth.clientId,
      clientSecret: k.fathom.clients.oauth.clientSecret,
      oauthBaseUrl: k.fathom.url,
      apiBaseUrl: k.fathom.apiBaseUrl,
      redirectPort: k.redirectPort,
    });
    const auth = createAuthService({
      provider,
      secrets: k.keychain,
      settings,
      clock: k.clock,
      fetch,
      openBrowser: async (url) => {
        const { consent } = await import('../../helpers/sandbox-browser.ts');
        const { rawRequest } = await import('../../helpers/raw-http.ts');
        k.pages.push(rawRequest((await consent(url, 'allow')).href));
      },
      wake: createFakeWake().wake,
      logger,
      createLoopbackListener: (options) => createLoopbackListener({ ...options, clock: k.clock }),
    });
    try {
      await auth.signIn();
      const api = createFathomApi({
        fetch,
        credentials: createOAuthCredentialSource(auth),
        baseUrl: k.fathom.apiBaseUrl,
        clock: k.clock,
        logger,
      });
      const { meetings } = await api.listMeetings({
        since: new Date(k.clock.now() - 7 * 86_400_000),
      });
      expect(meetings.length).toBeGreaterThan(0);
      // The access token expires (an hour passes); 100 callers ask at once.
      await k.clock.advance(3600_000);
      k.fathom.resetCounters();
      const id = meetings[0]!.recordingId;
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, () => api.getSummary(id)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
      expect(grants(k).refresh_token).toBe(1);
      expect(requests(k, 'POST /external/v1/oauth2/token')).toBe(1);
    } finally {
      await auth.signOut();
      await auth.dispose();
    }
  });

  it('disconnect wipes the keychain record and the cache, says where to remove the app, and leaves Zoom signed in', async () => {
    const k = await kit();
    const core = await k.launch();
    await connectBoth(core);
    await vi.waitFor(async () => expect(await k.fathomRecord()).not.toBeNull());
    expect(k.settingsText()).toContain(NOTES_CACHE_KEY);

    expect(await core.fathom.disconnect()).toEqual({ removeAppHint: true });
    expect(core.fathom.getState()).toEqual({
      kind: 'not-connected',
      reason: null,
      removeAppHint: true,
    });
    expect(await k.fathomRecord()).toBeNull();
    expect(k.settingsText()).not.toContain(NOTES_CACHE_KEY);
    expect(k.settingsText()).not.toContain(FATHOM_MODE_KEY);
    // Fathom has no revoke endpoint: nothing was sent.
    expect(Object.keys(k.fathom.counters().requests).some((key) => key.includes('revoke'))).toBe(
      false,
    );
    expect(core.session.getState().kind).toBe('signed-in');
    await core.session.refresh();
    expect(zoomLoaded(core.session.getState())).toBe(true);
  });

  it('a 401 gets one forced refresh, then not-connected with fathom_session_expired and the secrets wiped; Zoom unaffected', async () => {
    const k = await kit();
    const core = await k.launch();
    await connectBoth(core);
    await vi.waitFor(async () => expect(await k.fathomRecord()).not.toBeNull());
    k.fathom.resetCounters();
    k.fathom.disconnect(); // the person removed the app in Fathom: every token dies

    await expect(core.fathom.refresh()).rejects.toMatchObject({ code: 'fathom_session_expired' });
    const state = core.fathom.getState();
    expect(state).toMatchObject({
      kind: 'not-connected',
      reason: { code: 'fathom_session_expired' },
    });
    expect(grants(k).refresh_token).toBe(1);
    expect(await k.fathomRecord()).toBeNull();
    expect(k.settingsText()).not.toContain(NOTES_CACHE_KEY);
    await core.session.refresh();
    expect(zoomLoaded(core.session.getState())).toBe(true);
  });

  it('a 429 is honoured: waitUntil in the state, no call before it (listing or summary), then calls again', async () => {
    const k = await kit();
    const core = await k.launch();
    const loaded = connected(await connectBoth(core));
    k.fathom.setFaults({ rateLimitRate: 1, retryAfterSeconds: 120 });

    await expect(core.fathom.refresh()).rejects.toMatchObject({ code: 'rate_limited' });
    const limited = connected(core.fathom.getState());
    expect(limited.waitUntil).toBe(k.clock.now() + 120_000);
    expect(limited.stale).toBe(true);
    expect(limited.notes.length).toBe(loaded.notes.length);
    k.fathom.setFaults({});
    k.fathom.resetCounters();

    await expect(core.fathom.refresh()).rejects.toMatchObject({ code: 'rate_limited' });
    const id = loaded.notes.at(-1)!.recordingId;
    await core.fathom.loadSummary(id);
    expect(connected(core.fathom.getState()).summaries[id]).toMatchObject({
      kind: 'failed',
      code: 'rate_limited',
      retryAt: limited.waitUntil,
    });
    // The minute ticks before the wait is over call nothing either.
    await k.clock.advance(60_000);
    expect(Object.values(k.fathom.counters().requests).reduce((a, b) => a + b, 0)).toBe(0);

    await k.clock.advance(61_000);
    await core.fathom.refresh();
    expect(fathomLoaded(core.fathom.getState())).toBe(true);
    await core.fathom.loadSummary(id);
    expect(connected(core.fathom.getState()).summaries[id]).toMatchObject({ kind: 'ready' });
    // The newest meeting's summary is still being written: said so, and not cached.
    const newest = loaded.notes[0]!.recordingId;
    await core.fathom.loadSummary(newest);
    expect(connected(core.fathom.getState()).summaries[newest]).toEqual({ kind: 'processing' });
    expect(requests(k, `GET /external/v1/recordings/${id}/summary`)).toBe(1);
    // Cached: asking again makes no call.
    await core.fathom.loadSummary(id);
    expect(requests(k, `GET /external/v1/recordings/${id}/summary`)).toBe(1);
    expect(core.session.getState().kind).toBe('signed-in');
  });

  it('summaries: one request per recording however often it is asked, none during a listing', async () => {
    const k = await kit();
    const core = await k.launch();
    const loaded = connected(await connectBoth(core));
    k.fathom.resetCounters();
    const id = loaded.notes.at(-1)!.recordingId;
    const asks = Array.from({ length: 20 }, () => core.fathom.loadSummary(id));
    expect(connected(core.fathom.getState()).summaries[id]).toEqual({ kind: 'loading' });
    await Promise.all(asks);
    expect(connected(core.fathom.getState()).summaries[id]).toMatchObject({ kind: 'ready' });
    await core.fathom.refresh();
    await core.fathom.loadSummary(id);
    expect(k.fathom.counters().requests).toEqual({
      [`GET /external/v1/recordings/${id}/summary`]: 1,
      [LIST]: 1,
    });
    // Only the summary that was asked for is in the state; a note Fathom never listed is refused.
    expect(Object.keys(connected(core.fathom.getState()).summaries)).toEqual([String(id)]);
    await expect(core.fathom.loadSummary(999_999_999)).rejects.toMatchObject({
      code: 'fathom_not_found',
    });
  });

  it('lists on the shared minute ticks every 15 minutes, on wake, and when the window opens after a while', async () => {
    const k = await kit();
    const core = await k.launch();
    await connectBoth(core);
    k.fathom.resetCounters();
    const listings = () => requests(k, LIST);
    const settle = () => waitForFathom(core, (s) => s.kind === 'connected' && !s.refreshing);

    await k.clock.advance(13 * 60_000);
    expect(listings()).toBe(0);
    // Ticks fall on the wall-clock minute: by 16 minutes one of them was due, and only one.
    await k.clock.advance(3 * 60_000);
    await settle();
    expect(listings()).toBe(1);
    k.wake.emit('online');
    await settle();
    expect(listings()).toBe(2);
    core.fathom.setWindowVisible(true); // a listing ran moments ago: none
    expect(listings()).toBe(2);
    await k.clock.advance(3 * 60_000);
    core.fathom.setWindowVisible(true);
    await settle();
    expect(listings()).toBe(3);
    expect(Object.keys(k.fathom.counters().requests)).toEqual([LIST]);
  });

  it('a schema mismatch is a plain problem notice on the cached notes; Zoom unaffected', async () => {
    const k = await kit();
    const core = await k.launch();
    const loaded = connected(await connectBoth(core));
    k.fathom.setFaults({ schema: 'drop-next-cursor' });

    await expect(core.fathom.refresh()).rejects.toMatchObject({ code: 'fathom_schema_mismatch' });
    const state = connected(core.fathom.getState());
    expect(state.problem?.code).toBe('fathom_schema_mismatch');
    expect(state.problem?.message).not.toMatch(/zod|ResponseValidationError|stack/i);
    expect(state.stale).toBe(true);
    expect(state.notes).toHaveLength(loaded.notes.length);
    await core.session.refresh();
    expect(zoomLoaded(core.session.getState())).toBe(true);
    // Still connected: the grant stays in the keychain (its first write may still be landing).
    await vi.waitFor(async () => expect(await k.fathomRecord()).not.toBeNull());
  });

  it('every Fathom failure leaves Zoom alone: 5xx, dropped connections, 429, schema, 401', async () => {
    const k = await kit();
    const core = await k.launch();
    await connectBoth(core);
    const zoomBefore = core.session.getState();
    const faults = [
      { serverErrorRate: 1 },
      { dropRate: 1 },
      { rateLimitRate: 1, retryAfterSeconds: 1 },
      { schema: 'domains-type-all' as const },
    ];
    for (const fault of faults) {
      k.fathom.setFaults(fault);
      await core.fathom.refresh().catch(() => undefined);
      expect(core.fathom.getState().kind).toBe('connected');
      expect(core.session.getState()).toEqual(zoomBefore);
      k.fathom.setFaults({});
      await k.clock.advance(2_000);
    }
    k.fathom.disconnect();
    await core.fathom.refresh().catch(() => undefined);
    expect(core.fathom.getState().kind).toBe('not-connected');
    expect(core.session.getState()).toEqual(zoomBefore);
    await core.session.refresh();
    expect(zoomLoaded(core.session.getState())).toBe(true);
  });

  it('a Zoom session_expired leaves Fathom connected, and its notes refresh', async () => {
    const k = await kit();
    const core = await k.launch();
    await connectBoth(core);
    // Zoom forgets every grant (a new sandbox on the same address): its tokens are dead.
    const { port } = k.zoom.sandbox;
    await k.zoom.sandbox.close();
    k.zoom.sandbox = await startZoomSandbox({ testMode: true, port, now: () => k.clock.now() });

    // The first call may meet a pooled socket the old sandbox closed (offline): ask again.
    let refreshed = 'offline';
    for (let attempt = 0; attempt < 3 && refreshed === 'offline'; attempt += 1)
      refreshed = await core.session.refresh().then(
        () => 'ok',
        (error: unknown) => String((error as { code?: string }).code),
      );
    expect(refreshed).toBe('session_expired');
    await waitForZoom(core, (s) => s.kind === 'signed-out');
    expect(core.session.getState()).toMatchObject({ reason: { code: 'session_expired' } });
    expect(core.fathom.getState().kind).toBe('connected');
    await vi.waitFor(async () => expect(await k.fathomRecord()).not.toBeNull());
    k.fathom.resetCounters();
    await core.fathom.refresh();
    expect(fathomLoaded(core.fathom.getState())).toBe(true);
    expect(requests(k, LIST)).toBe(1);
  });

  it('an offline start shows the cached notes marked stale and offline, with no request', async () => {
    const k = await kit();
    const first = await k.launch();
    const before = connected(await connectBoth(first));
    await k.quit();
    k.fathom.resetCounters();
    k.setNetwork('down');

    const core = await k.launch();
    const state = connected(
      await waitForFathom(core, (s) => s.kind === 'connected' && !s.refreshing && s.offline),
    );
    expect(state.notes.map((n) => n.recordingId)).toEqual(before.notes.map((n) => n.recordingId));
    expect(state.stale).toBe(true);
    expect(state.updatedAt).toBe(before.updatedAt);
    expect(Object.values(k.fathom.counters().requests).reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('Fathom with a personal API key', { timeout: 30_000 }, () => {
  it('a valid key connects (one validation call, X-Api-Key), and is kept only in the keychain', async () => {
    const k = await kit({ oauth: false });
    const core = await k.launch();
    await core.fathom.connectApiKey(k.fathom.clients.apiKey);
    const state = connected(await waitForFathom(core, fathomLoaded));
    expect(state.mode).toBe('api-key');
    expect(state.notes.length).toBeGreaterThan(0);
    expect(await k.keychain.get('fathom:api-key')).toBe(k.fathom.clients.apiKey);
    expect(k.settingsText()).not.toContain(k.fathom.clients.apiKey);
    expect(grants(k).authorization_code ?? 0).toBe(0);

    // A restart reads it back from the keychain.
    await k.quit();
    const again = await k.launch();
    expect(connected(await waitForFathom(again, fathomLoaded)).mode).toBe('api-key');

    expect(await again.fathom.disconnect()).toEqual({ removeAppHint: false });
    expect(await k.keychain.get('fathom:api-key')).toBeNull();
  });

  it('an invalid key is refused with a clear error and nothing is stored', async () => {
    const k = await kit({ oauth: false });
    const core = await k.launch();
    await expect(core.fathom.connectApiKey('not.theKey')).rejects.toMatchObject({
      code: 'fathom_key_invalid',
      message: expect.stringMatching(/API key/),
    });
    expect(core.fathom.getState()).toMatchObject({
      kind: 'not-connected',
      reason: { code: 'fathom_key_invalid' },
    });
    expect(await k.keychain.get('fathom:api-key')).toBeNull();
    expect(k.settingsText()).not.toContain(FATHOM_MODE_KEY);
    expect(k.settingsText()).not.toContain('not.theKey');
  });

  it('a key Fathom stops accepting ends the connection with fathom_key_invalid and wipes it', async () => {
    const k = await kit({ oauth: false });
    const core = await k.launch();
    await core.fathom.connectApiKey(k.fathom.clients.apiKey);
    await waitForFathom(core, fathomLoaded);
    // The same key, but the sandbox restarted knowing another: the stored one is now refused.
    await k.keychain.set('fathom:api-key', 'revoked.key');
    await k.quit();
    const again = await k.launch();
    await expect(again.fathom.refresh()).rejects.toMatchObject({ code: 'fathom_key_invalid' });
    expect(again.fathom.getState()).toMatchObject({
      kind: 'not-connected',
      reason: { code: 'fathom_key_invalid' },
    });
    expect(await k.keychain.get('fathom:api-key')).toBeNull();
  });
});
