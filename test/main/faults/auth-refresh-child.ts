// A separate process that plays the app during a refresh: it restores the session from the real
// keychain and refreshes it over and over against the Zoom sandbox, printing "rotated" the
// moment each new token answer arrives. On SIGTERM it quits the way the app does: dispose, then
// drain (bounded) so a rotation already made at the server reaches the keychain, then exit.
// QUIT=exit skips the drain, as the app did before; QUIT=at-rotation exits the moment Zoom's
// answer arrives, the control case.
// Run by auth-quit-during-refresh.test.ts with node (type stripping); configured by environment.
import { createAuthService } from '../../../main/core/auth/auth-service.ts';
import { createLoopbackListener } from '../../../main/core/auth/loopback-listener.ts';
import { sandboxProviderConfig } from '../../../main/core/config/sandbox-provider.ts';
import type { Fetch, SecretStore } from '../../../main/core/ports.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import { createSystemClock } from '../../../main/node/system-clock.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const clock = createSystemClock();
const provider = sandboxProviderConfig({
  url: env('SANDBOX_URL'),
  apiBaseUrl: env('SANDBOX_API_BASE_URL'),
  clientId: env('SANDBOX_CLIENT_ID'),
});
/** Says "rotated" as soon as a 200 token answer's headers arrive: Zoom has rotated by then. */
const announcingFetch: Fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (String(input).endsWith('/oauth/token') && response.status === 200) {
    process.stdout.write('rotated\n');
    // The control: the process ends exactly where the issue lost sessions, keychain untouched.
    if (process.env.QUIT === 'at-rotation') process.exit(0);
  }
  return response;
};
const quiet = { info() {}, warn() {}, error() {} };
const keyring = createKeyringSecretStore({ service: env('KEYCHAIN_SERVICE') });
/** SLOW_KEYCHAIN_MS widens the commit, as a busy keychain (or the old chunked layout) did. */
const slowMs = Number(process.env.SLOW_KEYCHAIN_MS ?? 0);
const secrets: SecretStore = {
  get: (key) => keyring.get(key),
  delete: (key) => keyring.delete(key),
  async set(key, value) {
    if (slowMs > 0) await new Promise((resolve) => setTimeout(resolve, slowMs));
    await keyring.set(key, value);
  },
};
const auth = createAuthService({
  provider,
  secrets: createChunkedSecretStore(secrets),
  settings: { get: () => undefined, set() {}, delete() {} },
  clock,
  fetch: announcingFetch,
  openBrowser: async () => {
    throw new Error('no browser in this process');
  },
  wake: { onWake: () => () => undefined },
  logger: quiet,
  createLoopbackListener: ({ expectedState }) => createLoopbackListener({ expectedState, clock }),
});

let quitting = false;
process.on('SIGTERM', () => {
  quitting = true;
  if (process.env.QUIT !== 'drain') process.exit(0);
  setInterval(() => undefined, 1_000); // stay up while draining, whatever else is pending
  void auth
    .dispose()
    .then(() => auth.drain(5_000))
    .then(() => process.exit(0));
});

await auth.restore();
if (auth.status().kind !== 'signed-in') {
  process.stdout.write('not-signed-in\n');
  process.exit(3);
}
process.stdout.write('ready\n');
while (!quitting) {
  try {
    const { accessToken } = await auth.getAccessToken();
    await auth.getAccessToken({ forceRefresh: true, rejectedAccessToken: accessToken });
  } catch (error) {
    if (!quitting) {
      process.stdout.write(`refresh failed: ${(error as { code?: string }).code ?? 'unknown'}\n`);
      process.exit(4);
    }
  }
}
