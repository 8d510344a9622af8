// The main-process core as both hosts build it: the Electron app (main/index.ts) and the
// browser harness (main/harness/cli.ts). It lives outside main/desktop because the harness has
// no Electron, and outside main/core because it picks concrete adapters (the OS keychain, the
// in-process Zoom sandbox), which the core only knows as ports.
import type { AuthProviderConfig } from '../core/config/auth-config.types.ts';
import { keychainServiceName, loadAuthConfig } from '../core/config/load-auth-config.ts';
import { sandboxProviderConfig } from '../core/config/sandbox-provider.ts';
import {
  createMeetingTrayCore,
  type MeetingTrayCore,
  type MeetingTrayCoreDeps,
} from '../core/meeting-tray-core.ts';
import { createChunkedSecretStore } from '../core/secrets/chunked-secret-store.ts';
import type { Teardown } from '../desktop/lifecycle/teardown.ts';
import { createKeyringSecretStore } from '../node/keyring-secret-store.ts';
import { startZoomSandbox } from '../sandbox/index.ts';

/** How long quitting waits for a token refresh in flight to reach the keychain. */
const QUIT_DRAIN_MS = 5_000;

/** What differs between the hosts: where settings live, how a page opens, where wakes come from. */
export type AppCoreHost = Pick<
  MeetingTrayCoreDeps,
  'settings' | 'clock' | 'openBrowser' | 'wake' | 'logger'
> & {
  /** ZOOM_CLIENT_ID and friends (see the README); no client id means demo mode. */
  env: Record<string, string | undefined>;
  teardown: Teardown;
};

export interface AppCore extends MeetingTrayCore {
  /** True when signing in goes to the in-process Zoom sandbox. */
  demo: boolean;
}

/**
 * Reads the configuration (throwing an error that `isConfigError` recognises when it is wrong), starts the Zoom sandbox in demo mode, and builds the core over the OS keychain.
 * Every part it starts is registered on `teardown`.
 */
export async function createAppCore(host: AppCoreHost): Promise<AppCore> {
  const config = loadAuthConfig(host.env);
  const provider = config.demo ? await startDemoZoom(host.teardown) : config.provider;
  const core = createMeetingTrayCore({
    provider,
    demo: config.demo,
    secrets: createChunkedSecretStore(
      createKeyringSecretStore({ service: keychainServiceName(host.env) }),
    ),
    settings: host.settings,
    clock: host.clock,
    fetch: globalThis.fetch,
    openBrowser: host.openBrowser,
    wake: host.wake,
    logger: host.logger,
  });
  host.teardown.add(() => core.shutdown(QUIT_DRAIN_MS));
  return { ...core, demo: config.demo };
}

/** Demo mode: sign-in and meetings come from the Zoom sandbox, started in this process. */
async function startDemoZoom(teardown: Teardown): Promise<AuthProviderConfig> {
  const sandbox = await startZoomSandbox();
  teardown.add(() => sandbox.close());
  return sandboxProviderConfig({
    url: sandbox.url,
    apiBaseUrl: sandbox.apiBaseUrl,
    clientId: sandbox.clients.public.clientId,
  });
}
