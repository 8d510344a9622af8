// The keychain adapter loads its native module lazily: a package without this machine's binding
// signs in for the session only, with the notice, instead of crashing at start.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxProviderConfig } from '../../../main/core/config/sandbox-provider.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { createAuthHarness } from '../../helpers/auth-harness.ts';
import { consent } from '../../helpers/sandbox-browser.ts';

const newService = () =>
  `${process.env.MEETING_TRAY_KEYCHAIN_SERVICE ?? 'Meeting Tray Test'} ${randomUUID()}`;

/** What @napi-rs/keyring's loader throws when the package lacks this platform's binding. */
const MISSING_BINDING =
  'Cannot find native binding. npm has a bug related to optional dependencies (https://github.com/npm/cli/issues/4828).';

let sandbox: ZoomSandbox;
beforeAll(async () => {
  sandbox = await startZoomSandbox({ rateLimits: false });
});
afterAll(() => sandbox.close());

describe('keyring secret store', () => {
  it('with a missing native binding: no crash, sign-in for this session only, with the notice', async () => {
    let loads = 0;
    const store = createKeyringSecretStore({
      service: newService(),
      load: () => {
        loads += 1;
        return Promise.reject(new Error(MISSING_BINDING));
      },
    });
    expect(loads).toBe(0); // nothing is loaded until the keychain is first used
    const harness = createAuthHarness({
      provider: sandboxProviderConfig({
        url: sandbox.url,
        apiBaseUrl: sandbox.apiBaseUrl,
        clientId: sandbox.clients.public.clientId,
      }),
      secrets: createChunkedSecretStore(store),
      clock: createFakeClock(Date.now()),
      consent: (url) => consent(url, 'allow'),
    });

    await harness.auth.restore();
    expect(harness.auth.status()).toMatchObject({ kind: 'signed-out' });
    expect(harness.auth.sessionOnlyNotice()).toMatchObject({ code: 'keychain_unavailable' });
    expect(harness.auth.sessionOnlyNotice()?.message).toMatch(/Reinstall Meeting Tray/);

    await harness.auth.signIn();
    expect(harness.auth.status()).toMatchObject({ kind: 'signed-in' });
    await expect(harness.auth.getAccessToken()).resolves.toMatchObject({
      apiBaseUrl: sandbox.apiBaseUrl,
    });
    await expect(store.accounts()).rejects.toThrow(/native binding/);
    expect(loads).toBe(1); // one attempt per store, not one per call
    await harness.auth.dispose();
  });

  it('lists the accounts stored under its service, and only those', async () => {
    const service = newService();
    const store = createKeyringSecretStore({ service });
    const other = createKeyringSecretStore({ service: newService() });
    await store.set('first', 'one');
    await store.set('second', 'two');
    await other.set('elsewhere', 'three');
    expect((await store.accounts()).sort()).toEqual(['first', 'second']);
    for (const key of ['first', 'second']) await store.delete(key);
    await other.delete('elsewhere');
    expect(await store.accounts()).toEqual([]);
  });
});
