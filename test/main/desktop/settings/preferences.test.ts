import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors.ts';
import { createPreferences } from '../../../../main/desktop/settings/preferences.ts';
import { ShellSetting } from '../../../../main/desktop/settings/settings-keys.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { createRecordingLogger } from '../test-logger.ts';

function setup(initial: Record<string, unknown> = {}) {
  const settings = createMemorySettingsStore(initial);
  const preferences = createPreferences({
    settings,
    host: { launchAtLogin: false, macKeys: true, menuBarTitle: 'here' },
    logger: createRecordingLogger(),
  });
  return { settings, preferences };
}

describe('preferences', () => {
  it('shows the defaults on a fresh install', () => {
    expect(setup().preferences.view()).toEqual({
      reminderLead: 5,
      clock: 'system',
      joinIn: 'app',
      launchAtLogin: null,
      shortcut: { accelerator: null, problem: null, macKeys: true },
      menuBarTitle: { enabled: true, shown: 'here' },
    });
  });

  it('reads hand-edited or old values as the defaults', () => {
    const { preferences } = setup({
      [ShellSetting.clock]: 'sundial',
      [ShellSetting.reminderLeadMinutes]: 7,
      [ShellSetting.joinNextShortcut]: 'Alt+F4',
    });
    expect(preferences.view()).toMatchObject({
      clock: 'system',
      reminderLead: 5,
      shortcut: { accelerator: null },
    });
  });

  it('stores each change under the key the desktop features read, then tells subscribers', async () => {
    const { preferences, settings } = setup();
    const heard: unknown[] = [];
    preferences.subscribe((key) => void heard.push(key));
    await preferences.set({ key: 'clock', value: '12h' });
    await preferences.set({ key: 'joinIn', value: 'browser' });
    await preferences.set({ key: 'reminderLead', value: 'off' });
    await preferences.set({ key: 'menuBarTitle', value: false });
    expect(settings.get(ShellSetting.clock)).toBe('12h');
    expect(settings.get(ShellSetting.joinIn)).toBe('browser');
    expect(settings.get(ShellSetting.reminderLeadMinutes)).toBe('off');
    expect(settings.get(ShellSetting.menuBarTitle)).toBe(false);
    expect(heard).toEqual(['clock', 'joinIn', 'reminderLead', 'menuBarTitle']);
    expect(preferences.view()).toMatchObject({
      clock: '12h',
      joinIn: 'browser',
      reminderLead: 'off',
      menuBarTitle: { enabled: false },
    });
  });

  it('runs the attached system first; a refusal stores nothing new and is passed on', async () => {
    const { preferences, settings } = setup({ [ShellSetting.reminderLeadMinutes]: 10 });
    const applied: unknown[] = [];
    preferences.attach('reminderLead', {
      apply(lead) {
        applied.push(lead);
        if (lead === 1) throw new AppError('unknown', 'refused');
      },
    });
    await preferences.set({ key: 'reminderLead', value: 15 });
    await expect(preferences.set({ key: 'reminderLead', value: 1 })).rejects.toMatchObject({
      code: 'unknown',
    });
    expect(applied).toEqual([15, 1]);
    expect(settings.get(ShellSetting.reminderLeadMinutes)).toBe(15);
  });

  it('refuses launch at login on a host that cannot offer it', async () => {
    await expect(
      setup().preferences.set({ key: 'launchAtLogin', value: true }),
    ).rejects.toMatchObject({ code: 'launch_at_login_failed' });
  });
});
