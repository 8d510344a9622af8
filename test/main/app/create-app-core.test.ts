// The core both hosts build (the Electron app and the browser harness): configuration decides
// between the in-process Zoom sandbox and a real provider, and everything it starts is
// registered on the teardown it is given.
import { describe, expect, it, vi } from 'vitest';
import { isConfigError } from '../../../main/app/config-error.ts';
import { createAppCore, type AppCoreHost } from '../../../main/app/create-app-core.ts';
import {
  parseBuiltInConfig,
  type BuiltInConfig,
} from '../../../main/core/config/built-in-config.ts';
import { tokenVaultKey } from '../../../main/core/auth/token-vault.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { CLIENT_SECRET_KEY } from '../../../main/core/settings/zoom-account-store.ts';
import { createTeardown } from '../../../main/desktop/lifecycle/teardown.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import { startZoomSandbox } from '../../../main/sandbox/index.ts';
import { consent } from '../../helpers/sandbox-browser.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../fakes/memory-stores.ts';

const KEYCHAIN_SERVICE = `Meeting Tray app-core test ${process.pid}`;

function host(env: Record<string, string | undefined>, builtIn: BuiltInConfig | null = null) {
  const logger = createCapturingLogger();
  const teardown = createTeardown(logger);
  const opened: string[] = [];
  const settings = createMemorySettingsStore();
  const clock = createFakeClock(Date.now());
  const deps: AppCoreHost = {
    env: { MEETING_TRAY_KEYCHAIN_SERVICE: KEYCHAIN_SERVICE, ...env },
    builtIn,
    settings,
    clock,
    openBrowser: async (url) => void opened.push(url),
    wake: { onWake: () => () => undefined },
    logger,
    teardown,
  };
  return { deps, teardown, opened, logger, settings, clock };
}

/** Starts a sign-in and returns the page the core asked the host to open. */
async function signInPage(core: Awaited<ReturnType<typeof createAppCore>>, opened: string[]) {
  const flow = core.session.signIn().catch((error: unknown) => error);
  await vi.waitFor(() => expect(opened).toHaveLength(1));
  return { page: new URL(opened[0]!), flow };
}

describe('createAppCore', () => {
  it('with no client id, signs in against a Zoom sandbox it starts, and stops it on teardown', async () => {
    const { deps, teardown, opened } = host({});
    const core = await createAppCore(deps);
    expect(core.demo).toBe(true);
    expect(core.session.getState()).toMatchObject({ demo: true });

    const { page, flow } = await signInPage(core, opened);
    expect(page.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect((await fetch(page, { redirect: 'manual' })).status).toBeLessThan(500);

    await teardown.run();
    expect(await flow).toMatchObject({ code: 'sign_in_cancelled' });
    await expect(fetch(page)).rejects.toThrow(); // the sandbox no longer listens
  });

  it('with a client id, signs in against Zoom itself and starts no sandbox', async () => {
    const { deps, teardown, opened } = host({ ZOOM_CLIENT_ID: 'AbCdEf123' });
    const core = await createAppCore(deps);
    expect(core.demo).toBe(false);
    const { page, flow } = await signInPage(core, opened);
    expect(`${page.origin}${page.pathname}`).toBe('https://zoom.us/oauth/authorize');
    expect(page.searchParams.get('client_id')).toBe('AbCdEf123');
    await teardown.run();
    await flow;
  });

  it('refuses a broken configuration with an error that names the variable', async () => {
    const { deps } = host({ ZOOM_CLIENT_SECRET: 'shh' });
    const failure = await createAppCore(deps).catch((error: unknown) => error);
    expect(isConfigError(failure)).toBe(true);
    expect((failure as Error).message).toContain('ZOOM_CLIENT_ID');
    expect(isConfigError(new Error('config_invalid'))).toBe(false);
  });

  it('uses the built-in account; switching in Settings revokes and wipes the old one, then signs in to the new', async () => {
    const sandbox = await startZoomSandbox({ testMode: true });
    const { public: publicClient, confidential } = sandbox.clients;
    const builtIn = parseBuiltInConfig(
      JSON.stringify({
        zoom: {
          clientId: publicClient.clientId,
          oauthBase: sandbox.url,
          apiBase: sandbox.apiBaseUrl,
        },
      }),
      '/opt/meeting-tray/resources/app.asar/dist/main/app-config.json',
    );
    const { deps, teardown, opened, logger, settings, clock } = host({}, builtIn);
    const keychain = createChunkedSecretStore(
      createKeyringSecretStore({ service: KEYCHAIN_SERVICE }),
    );
    const oldKey = tokenVaultKey(sandbox.url, publicClient.clientId);
    const newKey = tokenVaultKey(sandbox.url, confidential.clientId);
    try {
      const core = await createAppCore(deps);
      expect(core.demo).toBe(false);
      expect(core.settings.view().zoomAccount).toMatchObject({
        source: 'built-in',
        clientId: publicClient.clientId,
        cloud: 'custom',
      });
      // What the window and the tray hold: one subscription and one minute listener, made once.
      const kinds: string[] = [];
      core.session.subscribe((state) => kinds.push(state.kind));
      let minutes = 0;
      core.minuteTicks.onMinute(() => (minutes += 1));
      await core.session.start();

      await signInThroughSandbox(core, opened);
      expect(await keychain.get(oldKey)).not.toBeNull();
      const revokes = () => sandbox.counters().requests['POST /oauth/revoke'] ?? 0;
      const revokesBefore = revokes();

      const view = await core.settings.saveZoomAccount({
        clientId: confidential.clientId,
        cloud: 'custom',
        oauthBase: sandbox.url,
        apiBase: sandbox.apiBaseUrl,
        clientSecret: { action: 'set', value: confidential.clientSecret },
      });
      expect(view.zoomAccount).toMatchObject({
        source: 'settings',
        clientId: confidential.clientId,
        hasClientSecret: true,
      });
      expect(revokes()).toBe(revokesBefore + 1);
      expect(await keychain.get(oldKey)).toBeNull();
      expect(await keychain.get(CLIENT_SECRET_KEY)).toBe(confidential.clientSecret);
      expect(core.session.getState()).toMatchObject({ kind: 'signed-out', demo: false });

      opened.length = 0;
      const page = await signInThroughSandbox(core, opened);
      expect(page.searchParams.get('client_id')).toBe(confidential.clientId);
      expect(await keychain.get(newKey)).not.toBeNull();
      expect(kinds.indexOf('signed-out', kinds.indexOf('signed-in'))).toBeGreaterThan(0);
      expect(kinds.at(-1)).toBe('signed-in');
      await clock.advance(60_000);
      expect(minutes).toBe(1);

      // Removing the account signs out of it too, and forgets its secret: back to the built-in one.
      const reset = await core.settings.resetZoomAccount();
      expect(reset.zoomAccount).toMatchObject({
        source: 'built-in',
        clientId: publicClient.clientId,
      });
      expect(revokes()).toBe(revokesBefore + 2);
      expect(await keychain.get(newKey)).toBeNull();
      expect(await keychain.get(CLIENT_SECRET_KEY)).toBeNull();
      const everything = JSON.stringify(settings.snapshot()) + logger.text();
      expect(everything).not.toContain(confidential.clientSecret);
    } finally {
      await teardown.run();
      await sandbox.close();
      for (const key of [oldKey, newKey, CLIENT_SECRET_KEY]) await keychain.delete(key);
    }
  });
});

/** Signs in the way a person would: the consent page's Allow, then the browser follows the redirect. */
async function signInThroughSandbox(
  core: Awaited<ReturnType<typeof createAppCore>>,
  opened: string[],
): Promise<URL> {
  const flow = core.session.signIn();
  await vi.waitFor(() => expect(opened).toHaveLength(1));
  const page = new URL(opened[0]!);
  expect((await fetch(await consent(page.href, 'allow'))).status).toBe(200);
  await flow;
  await vi.waitFor(() => expect(core.session.getState().kind).toBe('signed-in'));
  return page;
}
