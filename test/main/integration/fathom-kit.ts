// Wiring for Fathom's integration tests: the app's own core (createAppCore) with Zoom on the Zoom
// sandbox and Fathom on the Fathom sandbox, both over real HTTP on 127.0.0.1, the real keychain
// (gnome-keyring, under a service name of the test's own), a real settings file, a fake clock
// the sandboxes share, and a "browser" that presses Allow on either consent page.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FathomState, SessionState } from '../../../preload/contract.ts';
import { createAppCore, type AppCore } from '../../../main/app/create-app-core.ts';
import type { Fetch } from '../../../main/core/ports.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { createTeardown } from '../../../main/desktop/lifecycle/teardown.ts';
import { createJsonFileSettingsStore } from '../../../main/node/json-file-settings-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import { startFathomSandbox } from '../../../main/sandbox/fathom/index.ts';
import type { FathomSandboxOptions } from '../../../main/sandbox/fathom/types.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { rawRequest, type RawResponse } from '../../helpers/raw-http.ts';
import { consent } from '../../helpers/sandbox-browser.ts';
import { createFakeWake, createRecordingLogger } from '../core/session/session-fakes.ts';

/** A port nobody listens on right now, for Fathom's fixed redirect. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export interface FathomKitOptions {
  fathom?: Omit<FathomSandboxOptions, 'now' | 'redirectUris' | 'testMode'>;
  /** Connect Fathom's OAuth client through the environment (default true). */
  oauth?: boolean;
}

export async function startFathomKit(options: FathomKitOptions = {}) {
  const clock = createFakeClock(Date.now());
  const redirectPort = await freePort();
  const zoom: { sandbox: ZoomSandbox } = {
    sandbox: await startZoomSandbox({ testMode: true, now: () => clock.now() }),
  };
  const fathom = await startFathomSandbox({
    testMode: true,
    now: () => clock.now(),
    redirectUris: [`http://127.0.0.1:${redirectPort}/fathom/callback`],
    ...options.fathom,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'mt-fathom-'));
  const settingsFile = join(dataDir, 'settings.json');
  const service = `Meeting Tray fathom test ${process.pid} ${redirectPort}`;
  const keychain = createChunkedSecretStore(createKeyringSecretStore({ service }));
  const { logger, lines } = createRecordingLogger();
  const wake = createFakeWake();
  const pages: Promise<RawResponse>[] = [];
  /** What the "browser" was asked to open (consent pages), and where consent sent it back. */
  const opened: string[] = [];
  const redirects: URL[] = [];
  let network: 'up' | 'down' = 'up';
  const appFetch: Fetch = (input, init) =>
    network === 'up'
      ? fetch(input, init)
      : Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENETUNREACH' } }));

  const env = () => ({
    MEETING_TRAY_KEYCHAIN_SERVICE: service,
    ZOOM_CLIENT_ID: zoom.sandbox.clients.confidential.clientId,
    ZOOM_CLIENT_SECRET: zoom.sandbox.clients.confidential.clientSecret,
    ZOOM_OAUTH_BASE: zoom.sandbox.url,
    ZOOM_API_BASE: zoom.sandbox.apiBaseUrl,
    ...(options.oauth !== false && {
      FATHOM_CLIENT_ID: fathom.clients.oauth.clientId,
      FATHOM_CLIENT_SECRET: fathom.clients.oauth.clientSecret,
      FATHOM_REDIRECT_PORT: String(redirectPort),
      FATHOM_OAUTH_BASE: fathom.url,
    }),
    FATHOM_API_BASE: fathom.apiBaseUrl,
  });

  let running: { core: AppCore; teardown: ReturnType<typeof createTeardown> } | null = null;
  /** The running core's teardown, for installers a test adds (the IPC door). */
  const teardownOf = () => {
    if (!running) throw new Error('not launched');
    return running.teardown;
  };

  /** Builds and starts the app's core, as a launch would. */
  async function launch(): Promise<AppCore> {
    const teardown = createTeardown(logger);
    const core = await createAppCore({
      env: env(),
      builtIn: null,
      settings: createJsonFileSettingsStore(settingsFile),
      dataDir,
      clock,
      fetch: appFetch,
      openBrowser: async (url) => {
        opened.push(url);
        const redirect = await consent(url, 'allow');
        redirects.push(redirect);
        pages.push(rawRequest(redirect.href));
      },
      wake: wake.wake,
      logger,
      teardown,
    });
    running = { core, teardown };
    await core.session.start();
    await core.fathom.start();
    return core;
  }

  /** Quits the running core (teardown: drains both auth cores). */
  async function quit() {
    const current = running;
    running = null;
    await current?.teardown.run();
  }

  return {
    clock,
    zoom,
    fathom,
    keychain,
    service,
    settingsFile,
    lines,
    wake,
    opened,
    redirects,
    pages,
    redirectPort,
    launch,
    quit,
    teardownOf,
    logger,
    setNetwork(state: 'up' | 'down') {
      network = state;
    },
    settingsText: () => {
      try {
        return readFileSync(settingsFile, 'utf8');
      } catch {
        return '';
      }
    },
    /** The keychain record of Fathom's OAuth grant. */
    fathomRecord: () => keychain.get(`fathom:${fathom.clients.oauth.clientId}`),
    async close() {
      await quit();
      await fathom.close();
      await zoom.sandbox.close();
      for (const key of [
        `fathom:${fathom.clients.oauth.clientId}`,
        'fathom:api-key',
        'settings:fathom-client-secret',
      ])
        await keychain.delete(key).catch(() => undefined);
      // Zoom's record: whatever the vault named it; the test service holds nothing else.
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type FathomKit = Awaited<ReturnType<typeof startFathomKit>>;

/** Resolves with the first Fathom state (now or later) that matches. */
export function waitForFathom(
  core: Pick<AppCore, 'fathom'>,
  matches: (state: FathomState) => boolean,
): Promise<FathomState> {
  return new Promise((resolve) => {
    const now = core.fathom.getState();
    if (matches(now)) return resolve(now);
    const stop = core.fathom.subscribe((state) => {
      if (!matches(state)) return;
      stop();
      resolve(state);
    });
  });
}

export function waitForZoom(
  core: Pick<AppCore, 'session'>,
  matches: (state: SessionState) => boolean,
): Promise<SessionState> {
  return new Promise((resolve) => {
    const now = core.session.getState();
    if (matches(now)) return resolve(now);
    const stop = core.session.subscribe((state) => {
      if (!matches(state)) return;
      stop();
      resolve(state);
    });
  });
}

export const fathomLoaded = (state: FathomState) =>
  state.kind === 'connected' && !state.refreshing && !state.stale && state.updatedAt !== null;

export const zoomLoaded = (state: SessionState) =>
  state.kind === 'signed-in' && !state.refreshing && !state.stale;

/** Signs in to Zoom and connects Fathom through their consent pages; both loaded. */
export async function connectBoth(core: AppCore) {
  await core.session.signIn();
  await waitForZoom(core, zoomLoaded);
  await core.fathom.connectOAuth();
  return waitForFathom(core, fathomLoaded);
}
