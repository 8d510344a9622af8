// P1: sign-in time from the browser's callback arriving to the signed-in state with profile and
// meetings, on the Zoom sandbox with 100 ms added to every request, with the real keychain when
// reachable. The limit is measured in the same run: two plain round trips to the same server
// (the code exchange, then the profile and meetings side by side).
// Run: node_modules/.bin/node scripts/bench/session-sign-in.ts
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
const sandbox = await startZoomSandbox({ rateLimits: false, latencyMs: LATENCY_MS });
const clock = jumpableClock();
let callbackAt = 0;
const samples: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const core = benchCore({
    sandbox,
    clock,
    secrets: keychain.secrets,
    settings: memorySettings(),
    onCallback: () => (callbackAt = performance.now()),
  });
  await core.session.start();
  await core.session.signIn();
  await waitForState(core.session, isLoaded);
  samples.push(performance.now() - callbackAt);
  await core.auth.drain(5_000);
  await core.session.signOut();
  await core.shutdown(5_000);
}
const limit = median(await plainRoundTrips(sandbox, 2, RUNS));
const p1 = median(samples);
console.log(
  `P1 sign-in, callback → signed-in state with profile and meetings, ${LATENCY_MS} ms latency, ${RUNS} runs, store: ${keychain.name}`,
);
console.log(
  `median ${p1.toFixed(1)} ms (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)}); limit, two plain round trips in this run: ${limit.toFixed(1)} ms`,
);
console.log(`ratio ${(p1 / limit).toFixed(2)}× the limit (target ≤ 1.2×)`);
await sandbox.close();
