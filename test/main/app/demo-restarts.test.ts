// Acceptance (issue 9): demo mode keeps you signed in. The app core is built as the hosts build
// it, over the real keychain (gnome-keyring in tests) and a real data folder, and restarted five
// times; the demo sandbox comes up on a new port each time.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCredentialsAsync } from '@napi-rs/keyring';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../preload/contract.ts';
import { createAppCore, type AppCore } from '../../../main/app/create-app-core.ts';
import { DEMO_KEYCHAIN_ACCOUNT } from '../../../main/core/config/sandbox-provider.ts';
import type { Fetch } from '../../../main/core/ports.ts';
import { createTeardown } from '../../../main/desktop/lifecycle/teardown.ts';
import { DEMO_GRANTS_FILE } from '../../../main/node/demo-zoom.ts';
import { createJsonFileSettingsStore } from '../../../main/node/json-file-settings-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import { DEMO_CLIENTS } from '../../../main/sandbox/index.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { rawRequest } from '../../helpers/raw-http.ts';
import { consent } from '../../helpers/sandbox-browser.ts';

const RESTARTS = 5;
const service = `${process.env.MEETING_TRAY_KEYCHAIN_SERVICE ?? 'Meeting Tray Test'} demo ${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'meeting-tray-demo-restarts-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Every request the core sent, by path: the token endpoint and the API. */
function countingFetch() {
  const paths: string[] = [];
  const fetch: Fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    paths.push(new URL(url).pathname);
    return globalThis.fetch(input, init);
  };
  return { fetch, tokenRequests: () => paths.filter((path) => path === '/oauth/token').length };
}

/** One run of the app: the core as main/index.ts and the harness build it, in demo mode. */
async function startApp() {
  const logger = createCapturingLogger();
  const teardown = createTeardown(logger);
  const counting = countingFetch();
  const core: AppCore = await createAppCore({
    env: { MEETING_TRAY_KEYCHAIN_SERVICE: service },
    builtIn: null,
    settings: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    dataDir,
    fetch: counting.fetch,
    clock: createFakeClock(Date.now()),
    // The person's browser: consent on the sandbox's page, then follow its redirect home.
    openBrowser: async (url) => {
      const redirect = await consent(url, 'allow');
      void rawRequest(redirect.href);
    },
    wake: { onWake: () => () => undefined },
    logger,
    teardown,
  });
  return { core, teardown, logger, tokenRequests: counting.tokenRequests };
}

const fresh = (state: SessionState) =>
  state.kind === 'signed-in' && !state.refreshing && !state.stale && state.updatedAt !== null;

/** The access token the sandbox's grants file holds: it changes whenever a token is minted. */
const grantedAccessToken = () =>
  (
    JSON.parse(readFileSync(join(dataDir, DEMO_GRANTS_FILE), 'utf8')) as {
      grants: { accessToken: string }[];
    }
  ).grants.map((grant) => grant.accessToken);

describe('demo mode across restarts', { timeout: 60_000 }, () => {
  it(`stays signed in through ${RESTARTS} restarts: cached data at once, no token request, one keychain record`, async () => {
    // Leftovers of earlier builds, one per restart, named after the sandbox's port.
    const raw = createKeyringSecretStore({ service });
    for (const port of [40001, 40002, 40003])
      await raw.set(`oauth-tokens:${DEMO_CLIENTS.public.clientId}@127.0.0.1:${port}`, '{}');

    const first = await startApp();
    expect(first.core.demo).toBe(true);
    await first.core.session.start();
    expect(first.core.session.getState()).toMatchObject({ kind: 'signed-out', demo: true });
    await first.core.session.signIn();
    await vi.waitFor(() => expect(fresh(first.core.session.getState())).toBe(true), {
      timeout: 10_000,
    });
    const signedIn = first.core.session.getState();
    if (signedIn.kind !== 'signed-in') throw new Error('not signed in');
    expect(signedIn.meetings.length).toBeGreaterThan(0);
    const tokens = grantedAccessToken();
    expect(tokens).toHaveLength(1);
    await first.teardown.run();

    for (let run = 1; run <= RESTARTS; run += 1) {
      const app = await startApp();
      await app.core.session.start();
      // At once, before any answer from the new sandbox: the cached profile and meetings.
      expect(app.core.session.getState()).toMatchObject({
        kind: 'signed-in',
        demo: true,
        profile: { displayName: signedIn.profile.displayName },
        meetings: signedIn.meetings,
      });
      // Then the background refresh reaches the sandbox on its new port with the kept token.
      await vi.waitFor(() => expect(fresh(app.core.session.getState())).toBe(true), {
        timeout: 10_000,
      });
      expect(app.core.session.getState()).toMatchObject({ offline: false, problem: null });
      expect(app.tokenRequests()).toBe(0);
      expect(grantedAccessToken()).toEqual(tokens); // the sandbox minted nothing either
      await app.teardown.run();
    }

    const records = (await findCredentialsAsync(service)).map((entry) => entry.account);
    expect(records).toEqual([DEMO_KEYCHAIN_ACCOUNT]);
    await raw.delete(DEMO_KEYCHAIN_ACCOUNT);
  });
});
