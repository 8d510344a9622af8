// Demo mode's Zoom: the sandbox, started in this process on a free port, keeping its grants in
// the app's data folder so a demo sign-in survives restarts like a real one.
import { join } from 'node:path';
import type { AuthProviderConfig } from '../core/config/auth-config.types.ts';
import { DEMO_KEYCHAIN_ACCOUNT, sandboxProviderConfig } from '../core/config/sandbox-provider.ts';
import type { Logger } from '../core/ports.ts';
import { startZoomSandbox, type ZoomSandbox } from '../sandbox/index.ts';

/** The sandbox's grants (its own fake tokens, never Zoom's), beside the app's settings. */
export const DEMO_GRANTS_FILE = 'demo-sandbox-grants.json';

/** Starts the demo sandbox; the caller closes it. Without a data folder, grants stay in memory. */
export function startDemoSandbox(deps: {
  dataDir?: string | undefined;
  logger: Logger;
}): Promise<ZoomSandbox> {
  const { dataDir, logger } = deps;
  if (dataDir === undefined) return startZoomSandbox();
  return startZoomSandbox({
    grantsFile: {
      path: join(dataDir, DEMO_GRANTS_FILE),
      onError: (error) =>
        logger.warn('demo sign-in not saved; it lasts until quit', {
          error: error instanceof Error ? error.message : String(error),
        }),
    },
  });
}

/** The provider that signs in to the demo sandbox, under a keychain account that has no port. */
export function demoProviderConfig(sandbox: ZoomSandbox): AuthProviderConfig {
  return sandboxProviderConfig({
    url: sandbox.url,
    apiBaseUrl: sandbox.apiBaseUrl,
    clientId: sandbox.clients.public.clientId,
    keychainAccount: DEMO_KEYCHAIN_ACCOUNT,
  });
}
