// Token requests over a simulated 24 h with 1-hour tokens, against the Zoom sandbox on
// 127.0.0.1 (real HTTP; time is simulated). Run: node_modules/.bin/node scripts/bench/auth-refresh-day.ts
import { request } from 'node:http';
import { sandboxProviderConfig } from '../../main/core/config/sandbox-provider.ts';
import { startZoomSandbox } from '../../main/sandbox/index.ts';
import { allowOnSandboxConsent, benchAuthService, manualClock } from './auth-shared.ts';

const HOUR = 3_600_000;
const clock = manualClock(Date.now());
const sandbox = await startZoomSandbox({
  now: () => clock.now(),
  accessTokenTtlSeconds: 3600,
  rateLimits: false,
});
const provider = sandboxProviderConfig({
  url: sandbox.url,
  apiBaseUrl: sandbox.apiBaseUrl,
  clientId: sandbox.clients.public.clientId,
});

/** Presses Allow on the sandbox consent page and follows the redirect to our loopback server. */
async function approve(authorizationUrl: string) {
  const location = await allowOnSandboxConsent(authorizationUrl);
  request(location, { agent: false })
    .on('error', () => undefined)
    .end();
}

const auth = benchAuthService({ provider, clock, openBrowser: approve });
await auth.signIn();
sandbox.resetCounters();
let callers = 0;
const settle = async () => {
  // Let a refresh started by a timer finish its real HTTP round trip.
  await auth.getAccessToken();
};
for (let minute = 0; minute < 24 * 60; minute += 1) {
  await clock.advance(60_000, settle);
  await auth.getAccessToken();
  callers += 1;
}
const grants = sandbox.counters().grants;
const lead = Math.max(5 * 60_000, 0.1 * HOUR);
console.log(
  `simulated 24 h, 1-hour tokens (expires_in 3600), ${callers} getAccessToken calls (one a minute)`,
);
console.log(`refresh-grant requests to the token endpoint: ${grants.refresh_token ?? 0}`);
console.log(
  `minimum the rule implies: floor(24 h / (1 h − ${lead / 60_000} min)) = ${Math.floor((24 * HOUR) / (HOUR - lead))}`,
);
await auth.dispose();
await sandbox.close();
