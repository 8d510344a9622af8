// The session on the whole core against the Zoom sandbox: real HTTP on 127.0.0.1, the real
// keychain, simulated time. Requests are held and released with promises, never with sleeps.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingTrayCore } from '../../../main/core/meeting-tray-core.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../fakes/memory-stores.ts';
import { createTestKeychain } from '../../helpers/auth-harness.ts';
import { createRequestGate, isLoaded, startCore, waitForState } from './session-sandbox-kit.ts';

const HOUR = 3_600_000;
let clock: FakeClock;
let sandbox: ZoomSandbox;
const gate = createRequestGate();
const cores: MeetingTrayCore[] = [];

beforeAll(async () => {
  clock = createFakeClock(Date.now());
  sandbox = await startZoomSandbox({
    now: () => clock.now(),
    rateLimits: false,
    latencyMs: 1,
    sleep: gate.sleep,
  });
});
afterEach(async () => {
  gate.release();
  await Promise.all(cores.splice(0).map((core) => core.shutdown(1_000)));
});
afterAll(async () => {
  await sandbox.close();
});

const apiRequests = () => {
  const { requests } = sandbox.counters();
  return (requests['GET /v2/users/me'] ?? 0) + (requests['GET /v2/users/me/meetings'] ?? 0);
};

async function signedInCore(
  stores = { keychain: createTestKeychain(), settings: createMemorySettingsStore() },
) {
  const started = startCore({
    sandbox,
    clock,
    secrets: stores.keychain.secrets,
    settings: stores.settings,
  });
  cores.push(started.core);
  await started.core.session.start();
  await started.core.session.signIn();
  await waitForState(started.core.session, isLoaded);
  return { ...started, ...stores };
}

describe('session on the Zoom sandbox', () => {
  it('at sign-in asks for the profile and the meetings at the same time', async () => {
    const { core } = startCore({
      sandbox,
      clock,
      secrets: createTestKeychain().secrets,
      settings: createMemorySettingsStore(),
    });
    cores.push(core);
    await core.session.start();
    sandbox.resetCounters();
    await core.session.signIn();
    // The tokens are in memory; the first fetch has started but cannot have reached the server.
    gate.hold();
    await gate.held(2);
    expect(sandbox.counters().requests).toMatchObject({
      'POST /oauth/token': 1,
      'GET /v2/users/me': 1,
      'GET /v2/users/me/meetings': 1,
    });
    expect(core.session.getState().kind).toBe('signing-in');

    gate.release();
    const loaded = await waitForState(core.session, isLoaded);
    expect(loaded).toMatchObject({ kind: 'signed-in', profile: { displayName: 'Ada Okafor' } });
  });

  it('after a restart with an expired token shows the cached data before the token endpoint answers', async () => {
    const first = await signedInCore();
    await first.core.shutdown(5_000);
    clock.jump(2 * HOUR);

    gate.hold();
    sandbox.resetCounters();
    const second = startCore({
      sandbox,
      clock,
      secrets: first.keychain.secrets,
      settings: first.settings,
    });
    cores.push(second.core);
    await second.core.session.start();
    await gate.held(1);

    expect(sandbox.counters().requests).toEqual({ 'POST /oauth/token': 1 });
    expect(second.states[0]).toMatchObject({
      kind: 'signed-in',
      profile: { displayName: 'Ada Okafor' },
      stale: true,
    });
    expect(second.states.every((s) => s.kind === 'signed-in' && s.stale)).toBe(true);

    gate.release();
    const fresh = await waitForState(second.core.session, isLoaded);
    expect(fresh).toMatchObject({ updatedAt: clock.now() });
    expect(sandbox.counters().grants).toEqual({ refresh_token: 1 });
  });

  it('an idle day with the 12-meeting demo calendar costs at most 150 API requests', async () => {
    const { core } = await signedInCore();
    sandbox.resetCounters();
    const settled = async () => {
      await core.auth.drain(60_000);
      await waitForState(core.session, (state) => state.kind === 'signed-in' && !state.refreshing);
    };
    for (let minute = 0; minute < 24 * 60; minute += 1) {
      await clock.advance(60_000);
      await settled();
    }
    const requests = apiRequests();
    // 72 quiet fetches plus the busy hours before the day's meetings and the 6-hourly profile.
    expect(requests).toBeGreaterThan(72);
    expect(requests).toBeLessThanOrEqual(150);
    expect(core.session.getState()).toMatchObject({ kind: 'signed-in', stale: false });
  }, 60_000);
});
