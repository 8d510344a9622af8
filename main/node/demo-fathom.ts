// Demo mode's Fathom: the Fathom sandbox, started in this process on a free port, keeping its
// grants in the app's data folder so a demo connection survives restarts like a real one.
import { join } from 'node:path';
import type { Logger } from '../core/ports.ts';
import {
  FATHOM_DEMO_PERSON,
  startFathomSandbox,
  type FathomSandbox,
  type FathomSandboxOptions,
} from '../sandbox/fathom/index.ts';

/** The Fathom sandbox's grants (its own fake tokens, never Fathom's), beside the app's settings. */
export const DEMO_FATHOM_GRANTS_FILE = 'demo-fathom-sandbox-grants.json';

/**
 * The demo registers the callback path on any loopback port: the app's redirect port is a setting,
 * and a demo should not break when someone changes it.
 */
export const DEMO_FATHOM_REDIRECT_URIS: readonly string[] = ['http://127.0.0.1/fathom/callback'];

/** Starts the demo Fathom sandbox; the caller closes it. Without a data folder, grants stay in memory. */
export function startDemoFathomSandbox(deps: {
  dataDir?: string | undefined;
  logger: Logger;
  /** Extra sandbox options (tests: a clock, faults). */
  options?: FathomSandboxOptions;
}): Promise<FathomSandbox> {
  const { dataDir, logger } = deps;
  return startFathomSandbox({
    redirectUris: DEMO_FATHOM_REDIRECT_URIS,
    redirectMatch: 'loopback-any-port',
    ...deps.options,
    ...(dataDir === undefined
      ? {}
      : {
          grantsFile: {
            path: join(dataDir, DEMO_FATHOM_GRANTS_FILE),
            onError: (error: unknown) =>
              logger.warn('demo Fathom connection not saved; it lasts until quit', {
                error: error instanceof Error ? error.message : String(error),
              }),
          },
        }),
  });
}

/**
 * What the app needs to connect to the demo sandbox either way (fathomProviderConfig's inputs for
 * OAuth, or the key for API-key mode). The client id is fixed, so the keychain account
 * (`fathom:<clientId>`) stays the same across restarts although the port changes.
 */
export function demoFathomConnection(sandbox: FathomSandbox) {
  return {
    clientId: sandbox.clients.oauth.clientId,
    clientSecret: sandbox.clients.oauth.clientSecret,
    oauthBaseUrl: sandbox.url,
    apiBaseUrl: sandbox.apiBaseUrl,
    apiKey: sandbox.clients.apiKey,
    /** Whose action items are "mine" in the demo data. */
    personEmail: FATHOM_DEMO_PERSON.email,
  };
}
