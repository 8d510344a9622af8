// Demo mode connects Fathom too: the app core, built as the hosts build it with no account
// configured, starts the Fathom sandbox beside the Zoom one; connecting goes through the
// sandbox's consent page like Zoom's sign-in, lasts across a restart (the sandbox keeps its
// grants in the data folder, the keychain the tokens), and both providers show side by side.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createAppCore } from '../../../main/app/create-app-core.ts';
import type { Fetch } from '../../../main/core/ports.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { createTeardown } from '../../../main/desktop/lifecycle/teardown.ts';
import { createJsonFileSettingsStore } from '../../../main/node/json-file-settings-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import { FATHOM_DEMO_CLIENTS, FATHOM_DEMO_PERSON } from '../../../main/sandbox/fathom/index.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { rawRequest } from '../../helpers/raw-http.ts';
import { consent } from '../../helpers/sandbox-browser.ts';
import { fathomLoaded, waitForFathom, waitForZoom, zoomLoaded } from '../integration/fathom-kit.ts';

const service = `Meeting Tray Test demo fathom ${randomUUID()}`;
const dataDir = mkdtempSync(join(tmpdir(), 'meeting-tray-demo-fathom-'));
const keychain = createChunkedSecretStore(createKeyringSecretStore({ service }));
const fathomRecord = `fathom:${FATHOM_DEMO_CLIENTS.oauth.clientId}`;
afterAll(async () => {
  await keychain.delete(fathomRecord).catch(() => undefined);
  await keychain.delete('oauth-tokens:demo').catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

async function startApp() {
  const logger = createCapturingLogger();
  const teardown = createTeardown(logger);
  const opened: string[] = [];
  const tokenPaths: string[] = [];
  const fetch: Fetch = (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    if (path.endsWith('/token')) tokenPaths.push(path);
    return globalThis.fetch(input, init);
  };
  const core = await createAppCore({
    env: { MEETING_TRAY_KEYCHAIN_SERVICE: service },
    builtIn: null,
    settings: createJsonFileSettingsStore(join(dataDir, 'settings.json')),
    dataDir,
    fetch,
    clock: createFakeClock(Date.now()),
    openBrowser: async (url) => {
      opened.push(url);
      void rawRequest((await consent(url, 'allow')).href);
    },
    wake: { onWake: () => () => undefined },
    logger,
    teardown,
  });
  await core.session.start();
  await core.fathom.start();
  return { core, teardown, opened, tokenPaths };
}

it(
  'demo mode connects Fathom through the Fathom sandbox consent page, beside the Zoom demo, and keeps it across a restart',
  { timeout: 30_000 },
  async () => {
    const first = await startApp();
    try {
      expect(first.core.demo).toBe(true);
      expect(first.core.settings.view().fathom).toMatchObject({ source: 'demo', clientId: '' });
      await first.core.session.signIn();
      await waitForZoom(first.core, zoomLoaded);
      await first.core.fathom.connectOAuth();
      const state = await waitForFathom(first.core, fathomLoaded);
      if (state.kind !== 'connected') throw new Error('not connected');
      // Fathom's own consent page, on the sandbox's address, not Zoom's.
      const fathomPage = first.opened.find((url) => url.includes('/external/v1/oauth2/authorize'));
      expect(fathomPage).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/external\/v1\/oauth2\/authorize\?/);
      expect(new URL(fathomPage!).searchParams.get('client_id')).toBe(
        FATHOM_DEMO_CLIENTS.oauth.clientId,
      );
      expect(state.notes.length).toBeGreaterThan(0);
      // The demo person is the Zoom demo's: their action items are marked mine.
      const items = state.notes.flatMap((note) => note.actionItems);
      expect(
        items
          .filter((item) => item.mine)
          .every((item) => item.assignee.email === FATHOM_DEMO_PERSON.email),
      ).toBe(true);
      expect(items.some((item) => item.mine)).toBe(true);
      expect(first.core.settings.view().fathom.mode).toBe('oauth');
      expect(first.core.session.getState().kind).toBe('signed-in');
    } finally {
      await first.teardown.run();
    }

    const second = await startApp();
    try {
      const restored = await waitForFathom(second.core, fathomLoaded);
      expect(restored).toMatchObject({ kind: 'connected', mode: 'oauth' });
      // The access token was still valid: no token request for Fathom after the restart.
      expect(second.tokenPaths.filter((path) => path.includes('/external/v1/'))).toEqual([]);
      expect(await second.core.fathom.disconnect()).toEqual({ removeAppHint: true });
      expect(await keychain.get(fathomRecord)).toBeNull();
      expect(second.core.session.getState().kind).toBe('signed-in');
    } finally {
      await second.teardown.run();
    }
  },
);
