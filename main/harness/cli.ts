// `npm run web`: the browser harness. It runs the same main-process core and IPC handler table
// as the Electron app, in Node, and serves the built renderer with the web preload, so a
// developer (or Playwright) can use the real UI in any browser. Configuration is the app's:
// ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET, ZOOM_OAUTH_BASE, ZOOM_API_BASE, MEETING_TRAY_REDIRECT,
// MEETING_TRAY_KEYCHAIN_SERVICE, plus MEETING_TRAY_DATA_DIR for non-secret state.
import { resolve } from 'node:path';
import { keychainServiceName, loadAuthConfig } from '../core/config/load-auth-config.ts';
import { sandboxProviderConfig } from '../core/config/sandbox-provider.ts';
import { isAppError } from '../core/errors.ts';
import { createMeetingTrayCore } from '../core/meeting-tray-core.ts';
import { createChunkedSecretStore } from '../core/secrets/chunked-secret-store.ts';
import { createInvokeDispatcher, type InvokeDispatcher } from '../ipc/invoke-dispatcher.ts';
import { createIpcHandlers } from '../ipc/ipc-handlers.ts';
import { toRendererState } from '../ipc/renderer-state.ts';
import { createStatePublisher } from '../ipc/state-publisher.ts';
import { createSenderCheck } from '../ipc/sender-check.ts';
import { createConsoleLogger } from '../node/console-logger.ts';
import { createJsonFileSettingsStore } from '../node/json-file-settings-store.ts';
import { createKeyringSecretStore } from '../node/keyring-secret-store.ts';
import { createSystemClock } from '../node/system-clock.ts';
import { startZoomSandbox } from '../sandbox/index.ts';
import { allowedExternalUrl } from '../shell/external-url-policy.ts';
import {
  HARNESS_WEB_CONTENTS_ID,
  startHarnessServer,
  type HarnessServer,
} from './harness-server.ts';

const root = resolve(import.meta.dirname, '../..');
const env = process.env;
const logger = createConsoleLogger();

let config;
try {
  config = loadAuthConfig(env);
} catch (error) {
  console.error(isAppError(error) ? error.message : error);
  process.exit(2);
}

const sandbox = config.demo ? await startZoomSandbox() : null;
const provider = config.demo
  ? sandboxProviderConfig({
      url: sandbox!.url,
      apiBaseUrl: sandbox!.apiBaseUrl,
      clientId: sandbox!.clients.public.clientId,
    })
  : config.provider;

// The page is the harness's only "window": its browser opens links the way shell.openExternal would.
let server: HarnessServer | null = null;
const openInPage = async (url: string) => {
  if (!server) throw new Error('harness is not listening yet');
  await server.openInPage(url);
};

const core = createMeetingTrayCore({
  provider,
  demo: config.demo,
  secrets: createChunkedSecretStore(
    createKeyringSecretStore({ service: keychainServiceName(env) }),
  ),
  settings: createJsonFileSettingsStore(
    resolve(env.MEETING_TRAY_DATA_DIR ?? resolve(root, '.meeting-tray-data'), 'settings.json'),
  ),
  clock: createSystemClock(),
  fetch: globalThis.fetch,
  openBrowser: openInPage,
  // A browser page has no power events; refreshes come from the minute ticks and the Refresh button.
  wake: { onWake: () => () => {} },
  logger,
});

const handlers = createIpcHandlers({
  session: core.session,
  openExternal: openInPage,
  isAllowedExternalUrl: (url) => allowedExternalUrl(url) !== null,
  writeClipboard: (text) => server?.copyInPage(text),
});
let dispatch: InvokeDispatcher | null = null;

server = await startHarnessServer({
  rendererDir: resolve(root, 'dist/renderer'),
  webPreloadFile: resolve(root, 'dist/web-preload/web-preload.js'),
  dispatch: (channel, sender, args) => dispatch!(channel, sender, args),
  currentState: () => toRendererState(core.session.getState()),
  subscribe: (listener) =>
    createStatePublisher({ session: core.session, send: (_channel, state) => listener(state) }),
});
dispatch = createInvokeDispatcher({
  handlers,
  isTrustedSender: createSenderCheck({
    allowedOrigins: [server.origin],
    allowedWebContentsIds: () => [HARNESS_WEB_CONTENTS_ID],
  }),
  logger,
});

/** How long quit waits for a token refresh in flight to reach the keychain. */
const QUIT_DRAIN_MS = 5_000;

// Before the URL line: whoever reads it may stop us at once. Zoom rotates the refresh token on
// every refresh, so exiting between its answer and the keychain commit would lose the session:
// the core finishes that first (bounded), and only then do the servers close.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void core
      .shutdown(QUIT_DRAIN_MS)
      .catch((error: unknown) => logger.warn('shutdown failed', { error: String(error) }))
      .then(() => Promise.allSettled([server?.close(), sandbox?.close()]))
      .then(() => process.exit(0));
  });
}
await core.session.start();
if (config.demo)
  console.log(
    'Demo mode: signing in goes to the built-in Zoom sandbox (set ZOOM_CLIENT_ID for real Zoom).',
  );
console.log(`Meeting Tray harness: open ${server.url}`);
