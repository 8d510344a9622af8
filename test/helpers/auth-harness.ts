// Wiring for auth integration tests: the real keychain (gnome-keyring under
// dbus-run-session, as scripts/test.mjs sets up), the real loopback listener, and a
// "browser" that the test scripts. Each test gets its own keychain service name.
import { randomUUID } from 'node:crypto';
import { findCredentialsAsync } from '@napi-rs/keyring';
import { createAuthService, type AuthServiceDeps } from '../../main/core/auth/auth-service.ts';
import { createLoopbackListener } from '../../main/core/auth/loopback-listener.ts';
import type { AuthProviderConfig } from '../../main/core/config/auth-config.types.ts';
import type { Clock, Fetch, Logger, SecretStore, SettingsStore } from '../../main/core/ports.ts';
import { createChunkedSecretStore } from '../../main/core/secrets/chunked-secret-store.ts';
import { createKeyringSecretStore } from '../../main/node/keyring-secret-store.ts';
import { createCapturingLogger } from '../fakes/capturing-logger.ts';
import { createFakeWakeEvents } from '../fakes/fake-wake-events.ts';
import { createMemorySettingsStore } from '../fakes/memory-stores.ts';
import { rawRequest, type RawResponse } from './raw-http.ts';

export function createTestKeychain() {
  const service = `${process.env.MEETING_TRAY_KEYCHAIN_SERVICE ?? 'Meeting Tray Test'} ${randomUUID()}`;
  const secrets = createChunkedSecretStore(createKeyringSecretStore({ service }));
  return {
    service,
    secrets,
    /** Every entry under this service, straight from the OS keychain. */
    entries: async () => (await findCredentialsAsync(service)).map((c) => c.account),
  };
}

export interface HarnessOptions {
  provider: AuthProviderConfig;
  secrets: SecretStore;
  clock: Clock;
  /** Plays the person: gets the authorization URL, returns where the server redirected. */
  consent: (authorizationUrl: string) => Promise<URL>;
  fetch?: Fetch;
  logger?: Logger;
  settings?: SettingsStore;
}

export function createAuthHarness(options: HarnessOptions) {
  const pages: Promise<RawResponse>[] = [];
  const logger = options.logger ?? createCapturingLogger();
  const deps: AuthServiceDeps = {
    provider: options.provider,
    secrets: options.secrets,
    settings: options.settings ?? createMemorySettingsStore(),
    clock: options.clock,
    fetch: options.fetch ?? fetch,
    wake: createFakeWakeEvents(),
    logger,
    random: () => 0,
    openBrowser: async (url) => {
      const redirect = await options.consent(url);
      // The browser follows the redirect to our loopback server; the page waits for the result.
      pages.push(rawRequest(redirect.href));
    },
    createLoopbackListener: ({ expectedState }) =>
      createLoopbackListener({ expectedState, clock: options.clock, lingerMs: 0 }),
  };
  return { auth: createAuthService(deps), pages, deps };
}
