// Sign-in time from the browser's callback arriving to tokens persisted, against the
// Zoom sandbox on 127.0.0.1 (median of 20). Uses the real keychain when one is reachable
// (run under dbus-run-session with gnome-keyring, as scripts/test.mjs does), otherwise an
// in-memory store — the output says which.
// Run: node_modules/.bin/node scripts/bench/auth-sign-in-latency.ts
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { sandboxProviderConfig } from '../../main/core/config/sandbox-provider.ts';
import type { SecretStore } from '../../main/core/ports.ts';
import { createChunkedSecretStore } from '../../main/core/secrets/chunked-secret-store.ts';
import { createKeyringSecretStore } from '../../main/node/keyring-secret-store.ts';
import { createSystemClock } from '../../main/node/system-clock.ts';
import { startZoomSandbox } from '../../main/sandbox/index.ts';
import { allowOnSandboxConsent, benchAuthService, median, memorySecrets } from './auth-shared.ts';

const RUNS = 20;
const service = `Meeting Tray Bench ${randomUUID()}`;
let store: SecretStore = createChunkedSecretStore(createKeyringSecretStore({ service }));
let storeName = 'real keychain (Secret Service)';
try {
  await store.set('probe', 'x');
  await store.delete('probe');
} catch {
  store = memorySecrets();
  storeName =
    'in-memory store (no keychain reachable; run under dbus-run-session for the real one)';
}

const sandbox = await startZoomSandbox({ rateLimits: false });
const provider = sandboxProviderConfig({
  url: sandbox.url,
  apiBaseUrl: sandbox.apiBaseUrl,
  clientId: sandbox.clients.public.clientId,
});
let callbackAt = 0;
let persistedAt = 0;
const timedStore: SecretStore = {
  get: (key) => store.get(key),
  delete: (key) => store.delete(key),
  async set(key, value) {
    await store.set(key, value);
    persistedAt = performance.now();
  },
};
const clock = createSystemClock();
const samples: number[] = [];
for (let i = 0; i < RUNS; i += 1) {
  const auth = benchAuthService({
    provider,
    clock,
    secrets: timedStore,
    openBrowser: async (url) => {
      const location = await allowOnSandboxConsent(url);
      callbackAt = performance.now();
      request(location, { agent: false })
        .on('error', () => undefined)
        .end();
    },
  });
  await auth.signIn();
  samples.push(persistedAt - callbackAt);
  await auth.signOut();
  await auth.dispose();
}
console.log(`sign-in, callback → tokens persisted, ${RUNS} runs, store: ${storeName}`);
console.log(
  `median ${median(samples).toFixed(1)} ms, min ${Math.min(...samples).toFixed(1)} ms, max ${Math.max(...samples).toFixed(1)} ms`,
);
await sandbox.close();
