// What the idle tray costs: how often it wakes per hour and what one wake-up costs.
// A simulated hour with a fake clock counts timer wake-ups of the minute ticker and the
// reminder scheduler; then buildTrayModel and a whole tick are timed on a busy day.
// Run: node_modules/.bin/node scripts/bench/tray-idle.ts
import type { Meeting, SessionState } from '../../preload/contract.ts';
import { createReminderScheduler } from '../../main/desktop/reminders/reminder-scheduler.ts';
import { createShellCoordinator } from '../../main/desktop/coordinator/shell-coordinator.ts';
import { buildTrayModel } from '../../main/desktop/tray/tray-model.ts';
import { createFakeClock } from '../../test/fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../test/fakes/memory-stores.ts';

const start = Date.parse('2026-11-24T08:00:20Z');
const meetings: Meeting[] = Array.from({ length: 60 }, (_, i) => {
  const startTime = new Date(start + (i + 1) * 47 * 60_000).toISOString();
  return {
    key: `${i}@${startTime}`,
    id: String(80000000000 + i),
    topic: `Meeting number ${i} with a fairly long topic`,
    startTime,
    durationMinutes: 30,
    timezone: 'Europe/Berlin',
    joinUrl: `https://us05web.zoom.us/j/${80000000000 + i}`,
    agenda: null,
    type: 2,
  };
});
const state: SessionState = {
  kind: 'signed-in',
  demo: false,
  sessionOnly: null,
  meetings,
  updatedAt: start,
  stale: false,
  offline: false,
  refreshing: false,
  problem: null,
  profile: {
    id: 'u',
    displayName: 'Ada',
    firstName: 'Ada',
    lastName: 'L',
    email: 'a@example.com',
    avatarUrl: null,
    timezone: null,
    accountType: 1,
  },
};

const clock = createFakeClock(start);
let wakeUps = 0;
let renders = 0;
const counted = {
  now: clock.now,
  clearTimeout: clock.clearTimeout,
  setTimeout: (callback: () => void, ms: number) =>
    clock.setTimeout(() => {
      wakeUps += 1;
      callback();
    }, ms),
};
const coordinator = createShellCoordinator({
  clock: counted,
  session: { getState: () => state, subscribe: () => () => undefined },
  wake: { onWake: () => () => undefined, watchForOnline: () => undefined },
  renderTray: () => void (renders += 1),
  reminders: createReminderScheduler({
    clock: counted,
    settings: createMemorySettingsStore(),
    notify: () => undefined,
  }),
  timeZone: () => 'Europe/Berlin',
});
coordinator.start();
await clock.advance(60 * 60_000);
coordinator.stop();
console.log(
  `simulated idle hour: ${wakeUps} timer wake-ups, ${renders} tray renders (minute ticks + reminders)`,
);

const rounds = 2000;
let t = performance.now();
for (let i = 0; i < rounds; i += 1) buildTrayModel(state, start + i * 60_000, 'Europe/Berlin');
const perModel = (performance.now() - t) / rounds;
console.log(
  `buildTrayModel, ${meetings.length} meetings: ${(perModel * 1000).toFixed(0)} µs per call`,
);
t = performance.now();
for (let i = 0; i < rounds; i += 1)
  JSON.stringify(buildTrayModel(state, start + i * 60_000, 'Europe/Berlin'));
console.log(
  `one tick (model + change check): ${(((performance.now() - t) / rounds) * 1000).toFixed(0)} µs; CPU per idle hour ≈ ${(((performance.now() - t) / rounds) * 60).toFixed(1)} ms`,
);
