import { describe, expect, it } from 'vitest';
import { createShellCoordinator } from '../../../../main/desktop/coordinator/shell-coordinator.ts';
import { createReminderScheduler } from '../../../../main/desktop/reminders/reminder-scheduler.ts';
import { createPreferences } from '../../../../main/desktop/settings/preferences.ts';
import { ShellSetting } from '../../../../main/desktop/settings/settings-keys.ts';
import type { TrayItem, TrayModel } from '../../../../main/desktop/tray/tray-model.ts';
import { resolveTimeStyle } from '../../../../preload/shared/time-style.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting, signedIn } from '../meeting-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';

const labels = (items: TrayItem[]) => items.map((i) => (i.kind === 'separator' ? '---' : i.label));

describe('the tray follows a clock change in Settings at once', () => {
  it('re-renders with the new time style without waiting for the minute', async () => {
    const clock = createFakeClock(Date.parse('2026-11-24T12:30:20Z'));
    const settings = createMemorySettingsStore();
    const preferences = createPreferences({
      settings,
      host: { launchAtLogin: false, macKeys: false, menuBarTitle: 'hidden' },
      logger: createRecordingLogger(),
    });
    const trays: TrayModel[] = [];
    const state = signedIn([meeting('1', 'Standup', '2026-11-24T13:00:00Z')]);
    const coordinator = createShellCoordinator({
      clock,
      session: { getState: () => state, subscribe: () => () => undefined },
      wake: { onWake: () => () => undefined, watchForOnline: () => undefined },
      renderTray: (model) => trays.push(model),
      reminders: createReminderScheduler({ clock, settings, notify: () => undefined }),
      timeZone: () => 'America/New_York',
      // As install-time-display builds it: the locale, and the stored clock choice.
      timeStyle: () =>
        resolveTimeStyle({
          locale: 'en-US',
          clock: settings.get(ShellSetting.clock) === '24h' ? '24h' : 'system',
        }),
      preferences,
    });
    coordinator.start();
    expect(labels(trays.at(-1)!.items)).toContain('8:00 AM  Standup');
    const rendered = trays.length;
    await preferences.set({ key: 'clock', value: '24h' });
    expect(trays.length).toBe(rendered + 1);
    expect(labels(trays.at(-1)!.items)).toContain('08:00  Standup');
    coordinator.stop();
  });
});
