// Issue 10, item 1, at the auth core: a token endpoint that stalls or drips its body froze
// refresh, every caller waiting for a token, and "Sign out & revoke" (which awaited the refresh)
// for 5 minutes or for ever. Against the Zoom sandbox over real sockets, with the real keychain.
//
// Deadlines are short real ones (fake time cannot drive a socket). Nothing here measures how long
// anything took: each step completes while the sandbox still holds its connection open, and a
// deadline that did not work would leave the test hanging until Vitest fails it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuthService } from '../../../main/core/auth/auth-service.ts';
import type { AuthService } from '../../../main/core/auth/auth-service.types.ts';
import { sandboxProviderConfig } from '../../../main/core/config/sandbox-provider.ts';
import { AppError } from '../../../main/core/errors.ts';
import { createSystemClock } from '../../../main/node/system-clock.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import type { WireFault } from '../../../main/sandbox/types.ts';
import { createAuthHarness, createTestKeychain } from '../../helpers/auth-harness.ts';
import { consent } from '../../helpers/sandbox-browser.ts';

const DEADLINE_MS = 400;
let sandbox: ZoomSandbox;
const services: AuthService[] = [];

beforeAll(async () => {
  sandbox = await startZoomSandbox({ rateLimits: false });
});
afterEach(async () => {
  sandbox.setFaults({});
  await Promise.all(services.splice(0).map((auth) => auth.dispose()));
});
afterAll(async () => {
  await sandbox.close();
});

async function signedIn() {
  const keychain = createTestKeychain();
  const { deps } = createAuthHarness({
    provider: sandboxProviderConfig({
      url: sandbox.url,
      apiBaseUrl: sandbox.apiBaseUrl,
      clientId: sandbox.clients.public.clientId,
    }),
    secrets: keychain.secrets,
    clock: createSystemClock(),
    consent: (url) => consent(url, 'allow'),
  });
  const auth = createAuthService({
    ...deps,
    tokenDeadlineMs: DEADLINE_MS,
    revokeTimeoutMs: DEADLINE_MS,
  });
  services.push(auth);
  await auth.signIn();
  await auth.drain(5_000);
  return { auth, keychain };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const faults: [string, WireFault][] = [
  ['stalls before its headers', { kind: 'stall' }],
  ['drips its body a byte at a time', { kind: 'drip', intervalMs: 20 }],
];

describe.each(faults)('a token endpoint that %s', (_name, fault) => {
  it('the refresh and all 100 callers waiting on it give up at the deadline; the session stays', async () => {
    const { auth } = await signedIn();
    const { accessToken } = await auth.getAccessToken();
    sandbox.setFaults({ wire: { token: fault } });
    sandbox.resetCounters();

    const force = { forceRefresh: true, rejectedAccessToken: accessToken };
    const callers = Array.from({ length: 100 }, () => failureOf(auth.getAccessToken(force)));
    const errors = await Promise.all(callers);

    expect(new Set(errors.map((e) => e.code))).toEqual(new Set(['timeout']));
    expect(sandbox.counters().requests['POST /oauth/token']).toBe(1);
    expect(auth.status()).toEqual({ kind: 'signed-in' });
    sandbox.setFaults({});
    await expect(auth.getAccessToken({ ...force, userInitiated: true })).resolves.toBeTruthy();
  });

  it('sign-out during the hung refresh completes, wipes the keychain, and revoke has its own bound', async () => {
    const { auth, keychain } = await signedIn();
    const { accessToken } = await auth.getAccessToken();
    sandbox.setFaults({ wire: { token: fault, revoke: fault } });
    const refreshing = failureOf(
      auth.getAccessToken({ forceRefresh: true, rejectedAccessToken: accessToken }),
    );

    const signedOut = auth.signOut();
    expect(auth.status()).toEqual({ kind: 'signed-out', reason: null });
    await expect(signedOut).resolves.toEqual({ serverRevoked: false, revocation: 'not-confirmed' });
    expect(await keychain.entries()).toEqual([]);
    expect((await refreshing).code).toMatch(/^(timeout|not_signed_in)$/);
    expect(await keychain.entries()).toEqual([]);
  });
});
