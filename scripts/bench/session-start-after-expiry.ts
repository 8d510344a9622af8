// Start after the access token expired: time from start() to the cached profile and meetings on
// screen, against the token round trip it no longer waits for (the Zoom sandbox with 100 ms added
// to every request; the real keychain when reachable). Also the time to fresh data.
// Run: node_modules/.bin/node scripts/bench/session-start-after-expiry.ts
import type { SessionState } from '../../preload/contract.ts';
import { startZoomSandbox } from '../../main/sandbox/index.ts';
import { median, memorySettings } from './auth-shared.ts';
import {
  benchCore,
  benchKeychain,
  isLoaded,
  jumpableClock,
  plainRoundTrips,
  waitForState,
} from './session-shared.ts';

const RUNS = 10;
const LATENCY_MS = 100;

const keychain = await benchKeychain();
const clock = jumpableClock();
const sandbox = await startZoomSandbox({
  rateLimits: false,
  latencyMs: LATENCY_MS,
  now: () => clock.now(),
});
const cachedSamples: number[] = [];
const freshSamples: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const settings = memorySettings();
  const first = benchCore({ sandbox, clock, secrets: keychain.secrets, settings });
  await first.session.start();
  await first.session.signIn();
  await waitForState(first.session, isLoaded);
  await first.shutdown(5_000);
  clock.jump(2 * 3_600_000);

  const second = benchCore({ sandbox, clock, secrets: keychain.secrets, settings });
  const started = performance.now();
  const cached = waitForState(second.session, (s: SessionState) => s.kind === 'signed-in');
  void second.session.start();
  await cached;
  cachedSamples.push(performance.now() - started);
  await waitForState(second.session, isLoaded);
  freshSamples.push(performance.now() - started);
  await second.session.signOut();
  await second.shutdown(5_000);
}
const tokenRoundTrip = median(await plainRoundTrips(sandbox, 1, RUNS));
const shown = median(cachedSamples);
console.log(`start after expiry, ${LATENCY_MS} ms latency, ${RUNS} runs, store: ${keychain.name}`);
console.log(
  `cached data shown: median ${shown.toFixed(1)} ms (max ${Math.max(...cachedSamples).toFixed(1)}); the token round trip it used to wait for: ${tokenRoundTrip.toFixed(1)} ms`,
);
console.log(
  `ratio ${(shown / tokenRoundTrip).toFixed(2)}× one token round trip (below 1 = shown before the token returns); fresh data after ${median(freshSamples).toFixed(1)} ms`,
);
await sandbox.close();
