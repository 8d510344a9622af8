import { describe, expect, it } from 'vitest';
import { createShellCoordinator } from '../../../../main/desktop/coordinator/shell-coordinator.ts';
import { createReminderScheduler } from '../../../../main/desktop/reminders/reminder-scheduler.ts';
import { createTrayController } from '../../../../main/desktop/tray/electron-tray.ts';
import type { TrayModel } from '../../../../main/desktop/tray/tray-model.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting, signedIn } from '../meeting-fixtures.ts';

/** An hour of the running shell on a fake clock: coordinator, reminders and the tray. */
async function idleHour(platform: NodeJS.Platform) {
  const clock = createFakeClock(Date.parse('2026-11-24T12:30:20Z'));
  const electron = createFakeElectron();
  const controller = createTrayController({
    Tray: electron.Tray,
    Menu: electron.Menu,
    icon: (minutes) => electron.nativeImage.createFromPath(`${minutes}.png`),
    platform,
    onAction: () => undefined,
  });
  const models: TrayModel[] = [];
  const state = signedIn([
    meeting('1', 'Standup', '2026-11-24T12:40:00Z', 30), // 12:40–13:10
    meeting('2', 'Review', '2026-11-24T13:10:00Z', 15), // 13:10–13:25
    meeting('3', 'Planning', '2026-11-24T15:00:00Z', 60),
  ]);
  const coordinator = createShellCoordinator({
    clock,
    session: { getState: () => state, subscribe: () => () => undefined },
    wake: { onWake: () => () => undefined, watchForOnline: () => undefined },
    renderTray: (model) => {
      models.push(model);
      controller.render(model);
    },
    reminders: createReminderScheduler({
      clock,
      settings: createMemorySettingsStore(),
      notify: () => undefined,
    }),
    timeZone: () => 'UTC',
  });
  coordinator.start();
  await clock.advance(60 * 60_000);
  coordinator.stop();
  const menus = models.map((m) => JSON.stringify(m.items));
  const itemChanges = menus.filter((menu, i) => i === 0 || menu !== menus[i - 1]).length;
  return { fake: electron.trays[0]!, renders: models.length, itemChanges };
}

describe('the tray over an idle hour', () => {
  it('rebuilds the native menu only when its items change, not on every minute', async () => {
    const { fake, renders, itemChanges } = await idleHour('linux');
    expect(renders).toBe(61); // the start, then each minute on the minute
    // First render; Standup starts (now); Standup ends as Review starts (now); Review ends.
    expect(itemChanges).toBe(4);
    expect(fake.menuBuilds).toBe(itemChanges);
    expect(fake.tooltipSets).toBe(61); // the countdown: every minute
    expect(fake.labels().slice(0, 2)).toEqual(['Today', '15:00  Planning']);
  });

  it('on macOS the title follows the countdown each minute while the menu stays', async () => {
    const { fake, itemChanges } = await idleHour('darwin');
    expect(fake.menuBuilds).toBe(itemChanges);
    // 61 minutes, less the 9 + 9 in which "Standup · now" and "Review · now" stay as they are.
    expect(fake.titleSets).toBe(43);
    expect(fake.title).toBe('Planning · 1h 30m');
  });

  it('elsewhere the icon changes with the minutes left within the hour only', async () => {
    const { fake } = await idleHour('win32');
    // 12:30:20 → 10 min to Standup … 0 once started; then Review, then Planning > 1 h away.
    expect(fake.imageSets).toBeGreaterThan(10);
    expect(fake.image.path).toBe('null.png');
  });
});
