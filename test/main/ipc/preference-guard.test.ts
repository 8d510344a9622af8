import { describe, expect, it } from 'vitest';
import { Channel } from '../../../preload/contract.ts';
import { expectPreferenceChange } from '../../../main/ipc/preference-guard.ts';
import { createIpcHandlers } from '../../../main/ipc/ipc-handlers.ts';
import { createScreenRequests } from '../../../main/ipc/screen-requests.ts';
import { createFakeDisplaySource } from '../../fakes/fake-display.ts';
import { createFakeSessionService } from '../../fakes/fake-session-service.ts';
import { createFakeSettingsService } from '../../fakes/fake-settings-service.ts';

describe('expectPreferenceChange', () => {
  it.each([
    { key: 'reminderLead', value: 'off' },
    { key: 'reminderLead', value: 0 },
    { key: 'reminderLead', value: 15 },
    { key: 'clock', value: '12h' },
    { key: 'clock', value: 'system' },
    { key: 'joinIn', value: 'browser' },
    { key: 'launchAtLogin', value: true },
    { key: 'shortcut', value: 'CommandOrControl+Alt+J' },
    { key: 'shortcut', value: null },
    { key: 'menuBarTitle', value: false },
  ])('accepts $key = $value', (change) => {
    expect(expectPreferenceChange([change])).toEqual(change);
  });

  it.each([
    ['no list', { key: 'clock', value: '12h' }],
    ['two arguments', [{ key: 'clock', value: '12h' }, {}]],
    ['no argument', []],
    ['null', [null]],
    ['a list as the change', [['clock', '12h']]],
    ['an unknown key', [{ key: 'theme', value: 'dark' }]],
    ['a prototype key', [{ key: '__proto__', value: 1 }]],
    ['a lead not offered', [{ key: 'reminderLead', value: 7 }]],
    ['a lead as text', [{ key: 'reminderLead', value: '5' }]],
    ['an unknown clock', [{ key: 'clock', value: '13h' }]],
    ['a free-text accelerator', [{ key: 'shortcut', value: 'Alt+F4' }]],
    ['a boolean as text', [{ key: 'launchAtLogin', value: 'true' }]],
    ['an extra field', [{ key: 'clock', value: '12h', token: 'x' }]],
    ['a missing value', [{ key: 'menuBarTitle' }]],
  ])('refuses %s', (_name, args) => {
    expect(() => expectPreferenceChange(args)).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }),
    );
  });
});

describe('the settings:set-preference handler', () => {
  const setup = () => {
    const settings = createFakeSettingsService();
    const handlers = createIpcHandlers({
      session: createFakeSessionService().service,
      openExternal: async () => undefined,
      isAllowedExternalUrl: () => true,
      writeClipboard: () => undefined,
      settings: settings.service,
      screens: createScreenRequests(),
      display: createFakeDisplaySource(),
    });
    return { handlers, settings };
  };

  it('passes a valid change to the settings service and answers with the view', async () => {
    const { handlers, settings } = setup();
    const result = await handlers[Channel.setPreference]([{ key: 'clock', value: '24h' }]);
    expect(result).toMatchObject({ ok: true, value: { preferences: { clock: 'system' } } });
    expect(settings.preferenceChanges).toEqual([{ key: 'clock', value: '24h' }]);
  });

  it('answers bad input with {ok:false, code:"invalid_argument"} and changes nothing', async () => {
    const { handlers, settings } = setup();
    const result = await handlers[Channel.setPreference]([{ key: 'clock', value: 'sundial' }]);
    expect(result).toMatchObject({ ok: false, code: 'invalid_argument' });
    expect(settings.preferenceChanges).toEqual([]);
  });
});
