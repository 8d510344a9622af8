// An idle signed-in day of the whole core (auth + session + the shared minute ticker) against
// the Zoom sandbox and its 12-meeting demo calendar: timer wake-ups per hour and API requests per
// day, each beside its limit. Real HTTP on 127.0.0.1; time is simulated with a manual clock that
// counts every timer that fires. The window stays hidden (the quiet cadence applies).
// Run: node_modules/.bin/node scripts/bench/session-idle.ts
import type { Clock } from '../../main/core/ports.ts';
import { startZoomSandbox } from '../../main/sandbox/index.ts';
import { manualClock, memorySecrets, memorySettings } from './auth-shared.ts';
import { benchCore, waitForState } from './session-shared.ts';

const HOUR = 3_600_000;
const WAKE_UP_LIMIT = 61;
const API_REQUEST_LIMIT = 150;

const clock = manualClock(Date.parse('2026-11-24T06:00:20Z'));
let wakeUps = 0;
const counting: Clock = {
  now: clock.now,
  clearTimeout: clock.clearTimeout,
  setTimeout: (callback, ms) =>
    clock.setTimeout(() => {
      wakeUps += 1;
      callback();
    }, ms),
};
const sandbox = await startZoomSandbox({ rateLimits: false, now: () => clock.now() });
const core = benchCore({
  sandbox,
  clock: counting,
  secrets: memorySecrets(),
  settings: memorySettings(),
});

/** After each timer: let a refresh or fetch it started finish its real round trips. */
const settle = async () => {
  await core.auth.drain(60_000);
  await waitForState(core.session, (s) => s.kind === 'signed-in' && !s.refreshing);
};

await core.session.start();
const signingIn = core.session.signIn();
// The sign-in's loopback listener and consent run on real I/O; time does not move meanwhile.
await signingIn;
await settle();
sandbox.resetCounters();
wakeUps = 0;

const perHour: number[] = [];
for (let hour = 0; hour < 24; hour += 1) {
  const before = wakeUps;
  await clock.advance(HOUR, settle);
  perHour.push(wakeUps - before);
}
const { requests, grants } = sandbox.counters();
const apiRequests = Object.entries(requests)
  .filter(([key]) => key.startsWith('GET /v2/'))
  .reduce((sum, [, count]) => sum + count, 0);
const mean = wakeUps / 24;
console.log('idle signed-in day of the core (auth + session + minute ticker), window hidden');
console.log(
  `timer wake-ups per hour: mean ${mean.toFixed(1)}, max ${Math.max(...perHour)} (limit ${WAKE_UP_LIMIT}; ratio ${(Math.max(...perHour) / WAKE_UP_LIMIT).toFixed(2)})`,
);
console.log(
  `API requests in the day: ${apiRequests} (limit ${API_REQUEST_LIMIT}; ratio ${(apiRequests / API_REQUEST_LIMIT).toFixed(2)}); ${JSON.stringify(
    Object.fromEntries(Object.entries(requests).filter(([key]) => key.startsWith('GET /v2/'))),
  )}; token refreshes: ${grants.refresh_token ?? 0}`,
);
await core.shutdown(1_000);
await sandbox.close();
