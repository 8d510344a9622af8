// What the idle tray costs, as ratios within one run:
// - a simulated hour on a fake clock: timer wake-ups (minute ticker + reminders), tray renders,
//   and native menu rebuilds against the times the menu's items really changed (issue 10 found
//   84 rebuilds an hour for 24 changes);
// - one minute tick (model + the controller's change check) with 1,000 and 10,000 meetings
//   against 12 (and 10,000 against 1,000: the same menu, ten times the meetings), batches
//   interleaved so drift in the machine's speed hits them alike.
// Run: node_modules/.bin/node scripts/bench/tray-idle.ts
import type { SessionState } from '../../preload/contract.ts';
import { createReminderScheduler } from '../../main/desktop/reminders/reminder-scheduler.ts';
import { createShellCoordinator } from '../../main/desktop/coordinator/shell-coordinator.ts';
import { createTrayController } from '../../main/desktop/tray/electron-tray.ts';
import { createTrayModelBuilder, type TrayModel } from '../../main/desktop/tray/tray-model.ts';
import { createFakeClock } from '../../test/fakes/fake-clock.ts';
import { createFakeElectron } from '../../test/fakes/fake-electron.ts';
import { manyMeetings, signedIn } from '../../test/fakes/session-fixtures.ts';
import { createMemorySettingsStore } from '../../test/fakes/memory-stores.ts';

const MINUTE = 60_000;
const TICK_LIMIT = 1.2;
const start = Date.parse('2026-11-24T08:00:20Z');
const zone = 'Europe/Berlin';
/**
 * `count` meetings around now. 1,000 and more: five an hour for days (the menu shows 8 today,
 * 8 tomorrow, each with "+N more"). 12: six today and six tomorrow, an hour and a half apart, so
 * the menu is as full as 12 meetings can make it.
 */
function withMeetings(count: number): SessionState {
  if (count > 12) return { ...signedIn, meetings: manyMeetings(count, start + 20 * MINUTE) };
  const meetings = manyMeetings(count, start).map((meeting, i) => {
    const at =
      start + 20 * MINUTE + (i < 6 ? i * 90 * MINUTE : 24 * 60 * MINUTE + (i - 6) * 90 * MINUTE);
    const startTime = new Date(at).toISOString();
    return { ...meeting, startTime, startMs: at, key: `${meeting.id}@${startTime}` };
  });
  return { ...signedIn, meetings };
}

/** A tray controller over the typed fake Tray, counting what is sent to the OS. */
function countingTray(platform: NodeJS.Platform) {
  const electron = createFakeElectron();
  const controller = createTrayController({
    Tray: electron.Tray,
    Menu: electron.Menu,
    icon: (minutes) => electron.nativeImage.createFromPath(`${minutes}.png`),
    platform,
    onAction: () => undefined,
  });
  return { controller, fake: electron.trays[0]! };
}

// --- an idle hour -------------------------------------------------------------------------------
{
  // A busy day: a meeting every 47 minutes, so meetings start and end within the hour.
  const state: SessionState = {
    ...signedIn,
    meetings: Array.from({ length: 60 }, (_, i) => ({
      ...signedIn.meetings[0]!,
      key: `${i}`,
      id: String(80_000_000_000 + i),
      topic: `Meeting number ${i} with a fairly long topic`,
      startTime: new Date(start + (i + 1) * 47 * MINUTE).toISOString(),
      startMs: start + (i + 1) * 47 * MINUTE,
      durationMinutes: 30,
    })),
  };
  const clock = createFakeClock(start);
  let wakeUps = 0;
  const counted = {
    now: clock.now,
    clearTimeout: clock.clearTimeout,
    setTimeout: (callback: () => void, ms: number) =>
      clock.setTimeout(() => {
        wakeUps += 1;
        callback();
      }, ms),
  };
  const { controller, fake } = countingTray('linux');
  const models: TrayModel[] = [];
  const coordinator = createShellCoordinator({
    clock: counted,
    session: { getState: () => state, subscribe: () => () => undefined },
    wake: { onWake: () => () => undefined, watchForOnline: () => undefined },
    renderTray: (model) => {
      models.push(model);
      controller.render(model);
    },
    reminders: createReminderScheduler({
      clock: counted,
      settings: createMemorySettingsStore(),
      notify: () => undefined,
    }),
    timeZone: () => zone,
  });
  coordinator.start();
  await clock.advance(60 * MINUTE);
  coordinator.stop();
  const menus = models.map((model) => JSON.stringify(model.items));
  const itemChanges = menus.filter((menu, i) => i === 0 || menu !== menus[i - 1]).length;
  console.log(
    `simulated idle hour: ${wakeUps} timer wake-ups, ${models.length} tray renders (minute ticks + reminders)`,
  );
  console.log(
    `native menu rebuilt ${fake.menuBuilds} times for ${itemChanges} changes of its items (limit: rebuilds = changes) ${fake.menuBuilds === itemChanges ? 'ok' : 'OVER'}; tooltip set ${fake.tooltipSets} times, icon ${fake.imageSets} times`,
  );
}

// --- one minute tick, by meeting count ----------------------------------------------------------
const sizes = [12, 1000, 10_000] as const;
const TICKS = 1000;
const BATCHES = 25;
/**
 * `TICKS` minute ticks, in µs per tick: the model from the kept timeline alone (what the limit is
 * about: it must not grow with the meeting count), or as the shell runs it, with the tray's
 * change check and the OS calls it makes. Those follow what changes on screen — how often the
 * next meeting's minutes or the menu's items change in these calendars — not how many meetings
 * there are, so that figure is printed beside the OS calls that explain it.
 */
function tickBatch(
  state: SessionState,
  build: ReturnType<typeof createTrayModelBuilder>,
  shell: boolean,
) {
  const { controller } = countingTray('linux');
  const began = performance.now();
  // Four hours of minutes, again and again: every count has meetings to show all along.
  let items = 0;
  for (let i = 0; i < TICKS; i += 1) {
    const model = build(state, start + (i % 240) * MINUTE, zone);
    if (shell) controller.render(model);
    else items += model.items.length;
  }
  const perTick = ((performance.now() - began) / TICKS) * 1000;
  return items < 0 ? Number.NaN : perTick; // keeps the model alive without the controller
}
const states = new Map(sizes.map((size) => [size, withMeetings(size)]));
const builders = new Map(sizes.map((size) => [size, createTrayModelBuilder()]));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
for (const shell of [false, true]) {
  const samples = new Map<number, number[]>(sizes.map((size) => [size, []]));
  for (const size of sizes) tickBatch(states.get(size)!, builders.get(size)!, shell); // warm-up
  for (let batch = 0; batch < BATCHES; batch += 1)
    for (const size of sizes)
      samples.get(size)!.push(tickBatch(states.get(size)!, builders.get(size)!, shell));
  const perTick = (size: number) => median(samples.get(size)!);
  const what = shell
    ? 'tick as the shell runs it (model + change check + OS calls)'
    : 'tray model per tick';
  console.log(
    `${what}, median of ${BATCHES} interleaved batches of ${TICKS}: 12 meetings ${perTick(12).toFixed(1)} µs, 1,000 ${perTick(1000).toFixed(1)} µs, 10,000 ${perTick(10_000).toFixed(1)} µs`,
  );
  for (const [size, base] of [
    [1000, 12],
    [10_000, 12],
    [10_000, 1000],
  ] as const) {
    const ratio = perTick(size) / perTick(base);
    console.log(
      shell
        ? `  ${size.toLocaleString('en-US')} meetings: ${ratio.toFixed(2)}× the ${base.toLocaleString('en-US')}-meeting tick (no limit: see the OS calls below)`
        : `  ${size.toLocaleString('en-US')} meetings: ${ratio.toFixed(2)}× the ${base.toLocaleString('en-US')}-meeting model (limit ${TICK_LIMIT}×) ${ratio <= TICK_LIMIT ? 'ok' : 'OVER'}`,
    );
  }
}
// What the change check sent to the OS over the four hours, per calendar.
for (const size of sizes) {
  const { controller, fake } = countingTray('linux');
  const build = createTrayModelBuilder();
  for (let i = 0; i < 240; i += 1)
    controller.render(build(states.get(size)!, start + i * MINUTE, zone));
  console.log(
    `  OS calls over 240 ticks, ${size.toLocaleString('en-US')} meetings: menu rebuilt ${fake.menuBuilds}, icon set ${fake.imageSets}, tooltip set ${fake.tooltipSets}`,
  );
}
// The first model after a new meeting list sorts it once; that is per refresh, not per tick.
for (const size of [1000, 10_000] as const) {
  const began = performance.now();
  createTrayModelBuilder()(states.get(size)!, start, zone);
  console.log(
    `  first model after a new list of ${size.toLocaleString('en-US')} (parse and sort once): ${(performance.now() - began).toFixed(1)} ms`,
  );
}
