// Token requests made when 100 callers ask for a token at once while it needs refreshing,
// against the Zoom sandbox on 127.0.0.1. Run: node_modules/.bin/node scripts/bench/auth-single-flight.ts
import { request } from 'node:http';
import { sandboxProviderConfig } from '../../main/core/config/sandbox-provider.ts';
import { startZoomSandbox } from '../../main/sandbox/index.ts';
import { allowOnSandboxConsent, benchAuthService, manualClock } from './auth-shared.ts';

const clock = manualClock(Date.now());
const sandbox = await startZoomSandbox({ now: () => clock.now(), rateLimits: false });
const provider = sandboxProviderConfig({
  url: sandbox.url,
  apiBaseUrl: sandbox.apiBaseUrl,
  clientId: sandbox.clients.public.clientId,
});
const auth = benchAuthService({
  provider,
  clock,
  openBrowser: async (url) => {
    const location = await allowOnSandboxConsent(url);
    request(location, { agent: false })
      .on('error', () => undefined)
      .end();
  },
});
await auth.signIn();
for (const callers of [1, 10, 100, 1000]) {
  sandbox.resetCounters();
  await clock.advance(3_600_000, async () => undefined); // timers fire but we race them below
  const started = performance.now();
  const grants = await Promise.all(Array.from({ length: callers }, () => auth.getAccessToken()));
  const elapsed = performance.now() - started;
  const distinct = new Set(grants.map((g) => g.accessToken)).size;
  console.log(
    `${String(callers).padStart(4)} concurrent callers → ${sandbox.counters().grants.refresh_token ?? 0} token request(s), ${distinct} distinct token(s), ${elapsed.toFixed(1)} ms`,
  );
}
await auth.dispose();
await sandbox.close();
