// What one refresh costs the session itself with 1,000 and 10,000 meetings: publishing the new
// state and keeping the cache (a JSON settings file on disk), with the network replaced by a
// stand-in that parses the same JSON each time (its own cost is measured and subtracted).
// Run: node_modules/.bin/node scripts/bench/session-refresh-cost.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSessionService } from '../../main/core/session/session-service.ts';
import { createJsonFileSettingsStore } from '../../main/node/json-file-settings-store.ts';
import { createFakeAuth } from '../../test/fakes/fake-auth.ts';
import { createFakeClock } from '../../test/fakes/fake-clock.ts';
import { fixtureProfile, manyMeetings } from '../../test/fakes/session-fixtures.ts';
import { median, noWake, quietLogger } from './auth-shared.ts';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function measure(count: number, rounds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-tray-bench-'));
  const lists = [
    JSON.stringify(manyMeetings(count)),
    JSON.stringify(manyMeetings(count, Date.parse('2026-11-24T10:00:00Z'))),
  ];
  const profile = JSON.stringify(fixtureProfile);
  let answer = 0;
  const meetingsNow = () => JSON.parse(lists[answer]!);
  const zoom = {
    getProfile: async () => JSON.parse(profile),
    readUpcomingMeetings: async () => ({ meetings: meetingsNow(), incomplete: false }),
    listUpcomingMeetings: async () => meetingsNow(),
  };
  const auth = createFakeAuth({ stored: true });
  const session = createSessionService({
    auth,
    zoom,
    settings: createJsonFileSettingsStore(join(dir, 'settings.json')),
    clock: createFakeClock(),
    wake: noWake,
    minuteTicks: { onMinute: () => () => undefined },
    logger: quietLogger,
    demo: false,
  });
  session.subscribe(() => undefined);
  await session.start();
  await session.refresh();
  await turn();

  const timeRefreshes = async (changeEachTime: boolean) => {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      if (changeEachTime) answer = 1 - answer;
      const started = performance.now();
      await session.refresh();
      await turn(); // a cache write queued after the publish runs here
      samples.push(performance.now() - started);
    }
    return median(samples);
  };
  const unchanged = await timeRefreshes(false);
  const changed = await timeRefreshes(true);
  const standIn: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    await Promise.all([zoom.getProfile(), zoom.readUpcomingMeetings()]);
    await turn();
    standIn.push(performance.now() - started);
  }
  const fetchCost = median(standIn);
  session.dispose();
  rmSync(dir, { recursive: true, force: true });
  return {
    unchanged: Math.max(0, unchanged - fetchCost),
    changed: Math.max(0, changed - fetchCost),
    fetchCost,
  };
}

console.log('session work per refresh (median; the fetch stand-in’s own parse time subtracted)');
for (const [count, rounds] of [
  [1_000, 100],
  [10_000, 20],
] as const) {
  const cost = await measure(count, rounds);
  console.log(
    `${String(count).padStart(6)} meetings: same list ${cost.unchanged.toFixed(2)} ms, changed list ${cost.changed.toFixed(2)} ms (incl. the cache write); stand-in parse ${cost.fetchCost.toFixed(2)} ms`,
  );
}
