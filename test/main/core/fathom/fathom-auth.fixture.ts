// A Fathom-configured AuthService (the shared auth core) wired to the scripted Fathom server,
// the real loopback listener on a fixed port, and whatever keychain the test passes.
import { createServer } from 'node:net';
import { createAuthService } from '../../../../main/core/auth/auth-service.ts';
import { createLoopbackListener } from '../../../../main/core/auth/loopback-listener.ts';
import { fathomProviderConfig } from '../../../../main/core/config/fathom-provider-config.ts';
import type { Fetch, SecretStore } from '../../../../main/core/ports.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import type { FakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeWakeEvents } from '../../../fakes/fake-wake-events.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { rawRequest, type RawResponse } from '../../../helpers/raw-http.ts';
import { CLIENT_ID, CLIENT_SECRET, type ScriptedFathomServer } from './scripted-fathom-server.ts';

/** A port that was free a moment ago, for the fixed redirect. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export function createFathomAuth(options: {
  server: ScriptedFathomServer;
  secrets: SecretStore;
  clock: FakeClock;
  redirectPort: number;
  fetch?: Fetch;
  pkce?: boolean;
}) {
  const { server, clock } = options;
  const provider = fathomProviderConfig({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    oauthBaseUrl: server.url,
    apiBaseUrl: server.apiBaseUrl,
    redirectPort: options.redirectPort,
    ...(options.pkce !== undefined ? { pkce: options.pkce } : {}),
  });
  const logger = createCapturingLogger();
  const settings = createMemorySettingsStore();
  const opened: string[] = [];
  const pages: Promise<RawResponse>[] = [];
  const auth = createAuthService({
    provider,
    secrets: options.secrets,
    settings,
    clock,
    fetch: options.fetch ?? fetch,
    wake: createFakeWakeEvents(),
    logger,
    random: () => 0,
    // The browser: Fathom's consent page approves at once and redirects to our listener.
    openBrowser: async (url) => {
      opened.push(url);
      const consent = await fetch(url, { redirect: 'manual' });
      const location = consent.headers.get('location');
      if (location) pages.push(rawRequest(location));
    },
    createLoopbackListener: (listen) => createLoopbackListener({ ...listen, clock, lingerMs: 0 }),
  });
  return { auth, provider, logger, settings, opened, pages };
}
