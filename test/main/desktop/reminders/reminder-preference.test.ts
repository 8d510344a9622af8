import { describe, expect, it } from 'vitest';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { installReminders } from '../../../../main/desktop/reminders/install-reminders.ts';
import { createPreferences } from '../../../../main/desktop/settings/preferences.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting } from '../meeting-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';

const NOW = Date.parse('2026-11-30T09:00:00Z');

function setup() {
  const electron = createFakeElectron();
  const settings = createMemorySettingsStore();
  const logger = createRecordingLogger();
  const preferences = createPreferences({
    settings,
    host: { launchAtLogin: false, macKeys: false, menuBarTitle: 'hidden' },
    logger,
  });
  const reminders = installReminders({
    platform: 'linux',
    clock: createFakeClock(NOW),
    logger,
    teardown: createTeardown(logger),
    Notification: electron.Notification,
    settings,
    preferences,
    openJoinLink: async () => undefined,
    showWindow: () => undefined,
  });
  return { electron, preferences, reminders };
}

describe('the reminder lead as a Settings preference', () => {
  it('a longer lead chosen in Settings re-plans at once: a reminder now due fires', async () => {
    const { electron, preferences, reminders } = setup();
    // Starts in 8 minutes: not due with the default 5-minute lead.
    reminders.setMeetings([meeting('1', 'Standup', '2026-11-30T09:08:00Z')]);
    expect(electron.notifications).toHaveLength(0);
    await preferences.set({ key: 'reminderLead', value: 10 });
    expect(electron.notifications.map((n) => n.options.title)).toEqual(['Standup']);
    expect(reminders.lead()).toBe(10);
  });

  it('Off in Settings cancels what was pending; a choice in the tray shows in Settings', async () => {
    const { electron, preferences, reminders } = setup();
    await preferences.set({ key: 'reminderLead', value: 'off' });
    reminders.setMeetings([meeting('1', 'Standup', '2026-11-30T09:03:00Z')]);
    expect(electron.notifications).toHaveLength(0);
    const heard: unknown[] = [];
    preferences.subscribe((key) => void heard.push(key));
    reminders.setLead(1);
    expect(heard).toEqual([null]);
    expect(preferences.view().reminderLead).toBe(1);
  });
});
