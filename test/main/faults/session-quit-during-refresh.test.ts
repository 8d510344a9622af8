// Issue item 2: quitting while a refresh is in flight lost the session, because Zoom had already
// rotated the refresh token when the process exited before the keychain commit. The core's
// shutdown now waits (bounded) for that commit. "Exit" is simulated by cutting the quitting
// core off from the keychain the moment shutdown resolves, as a real exit would.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingTrayCore } from '../../../main/core/meeting-tray-core.ts';
import type { SecretStore } from '../../../main/core/ports.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../fakes/memory-stores.ts';
import { createTestKeychain } from '../../helpers/auth-harness.ts';
import {
  createRequestGate,
  isLoaded,
  startCore,
  waitForState,
} from '../integration/session-sandbox-kit.ts';

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

/** The keychain as a process sees it: after exit() nothing it writes arrives. */
function exitableKeychain(inner: SecretStore) {
  let exited = false;
  const secrets: SecretStore = {
    get: (key) => inner.get(key),
    set: async (key, value) => {
      if (!exited) await inner.set(key, value);
    },
    delete: async (key) => {
      if (!exited) await inner.delete(key);
    },
  };
  return { secrets, exit: () => (exited = true) };
}

/**
 * Signs in, lets the access token expire, and quits while Zoom is answering its refresh:
 * `quit` stands for what the process does on SIGTERM before it exits.
 */
async function quitDuringRefresh(quit: (core: MeetingTrayCore) => Promise<void>) {
  const keychain = createTestKeychain();
  const settings = createMemorySettingsStore();
  const process1 = exitableKeychain(keychain.secrets);
  const first = startCore({ sandbox, clock, secrets: process1.secrets, settings });
  cores.push(first.core);
  await first.core.session.start();
  await first.core.session.signIn();
  await waitForState(first.core.session, isLoaded);
  await first.core.auth.drain(5_000);

  clock.jump(2 * 3_600_000);
  gate.hold();
  sandbox.resetCounters();
  const refreshing = first.core.session.refresh().catch(() => undefined);
  await gate.held(1);
  expect(sandbox.counters().requests).toEqual({ 'POST /oauth/token': 1 });

  // The quit signal arrives as Zoom answers, rotating the refresh token as it does.
  gate.release();
  await quit(first.core);
  process1.exit();
  await refreshing;

  const second = startCore({ sandbox, clock, secrets: keychain.secrets, settings });
  cores.push(second.core);
  await second.core.session.start();
  return waitForState(
    second.core.session,
    (state) => isLoaded(state) || state.kind === 'signed-out' || state.kind === 'error',
  );
}

describe('quit during a token refresh', () => {
  it('waits for the rotated tokens to reach the keychain: the next start is still signed in', async () => {
    const next = await quitDuringRefresh((core) => core.shutdown(5_000));
    expect(next).toMatchObject({ kind: 'signed-in', profile: { displayName: 'Ada Okafor' } });
    // The refresh of the quitting process was the only one: the next start found valid tokens.
    expect(sandbox.counters().grants).toEqual({ refresh_token: 1 });
  });

  it('the old quit path, which exits at once, loses the session (the failure guarded against)', async () => {
    const next = await quitDuringRefresh(async (core) => {
      core.session.dispose();
      void core.auth.dispose();
    });
    expect(next).toMatchObject({ kind: 'signed-out', reason: { code: 'session_expired' } });
  });
});
