import { describe, expect, it } from 'vitest';
import type { SettingsStore } from '../../../../main/core/ports.ts';
import {
  createGuardedSettings,
  guardSettings,
  SETTINGS_UNSAVED_NOTICE,
} from '../../../../main/core/session/guarded-settings.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { createRecordingLogger } from './session-fakes.ts';

/** A store whose disk can be made to refuse writes, like a data folder turned read-only. */
function switchableStore() {
  const memory = createMemorySettingsStore();
  let refusing = false;
  const refuse = () => {
    if (refusing) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
  };
  const store: SettingsStore = {
    get: (key) => memory.get(key),
    set(key, value) {
      refuse();
      memory.set(key, value);
    },
    delete(key) {
      refuse();
      memory.delete(key);
    },
  };
  return { store, memory, refuse: (on: boolean) => (refusing = on) };
}

describe('guarded settings', () => {
  it('keeps a refused write in memory, says so, and never throws', () => {
    const disk = switchableStore();
    const { logger, lines } = createRecordingLogger();
    const settings = createGuardedSettings(disk.store, logger);
    let changes = 0;
    settings.onUnsavedChange(() => (changes += 1));
    settings.set('reminders.lead', 5);
    expect(settings.unsavedNotice()).toBeNull();

    disk.refuse(true);
    expect(() => settings.set('reminders.lead', 10)).not.toThrow();
    expect(() => settings.delete('launchAtLogin.asked')).not.toThrow();
    expect(settings.get('reminders.lead')).toBe(10);
    expect(disk.memory.get('reminders.lead')).toBe(5);
    expect(settings.unsavedNotice()).toEqual(SETTINGS_UNSAVED_NOTICE);
    expect(changes).toBe(1);
    expect(lines.join('\n')).toContain('EROFS');

    // The disk is back: once every unsaved setting is written, the notice goes.
    disk.refuse(false);
    settings.set('reminders.lead', 15);
    expect(settings.unsavedNotice()).toEqual(SETTINGS_UNSAVED_NOTICE);
    settings.delete('launchAtLogin.asked');
    expect(settings.unsavedNotice()).toBeNull();
    expect(disk.memory.get('reminders.lead')).toBe(15);
    expect(changes).toBe(2);
  });

  it('a value kept in memory is a copy: changing the caller’s object later changes nothing', () => {
    const disk = switchableStore();
    disk.refuse(true);
    const settings = createGuardedSettings(disk.store, createRecordingLogger().logger);
    const value = { lead: 5 };
    settings.set('k', value);
    value.lead = 99;
    expect(settings.get('k')).toEqual({ lead: 5 });
  });

  it('a store that cannot even be read answers undefined', () => {
    const settings = createGuardedSettings(
      {
        get() {
          throw new Error('EACCES');
        },
        set() {},
        delete() {},
      },
      createRecordingLogger().logger,
    );
    expect(settings.get('anything')).toBeUndefined();
  });

  it('guardSettings wraps a plain store once and shares an already guarded one', () => {
    const { logger } = createRecordingLogger();
    const guarded = createGuardedSettings(createMemorySettingsStore(), logger);
    expect(guardSettings(guarded, logger)).toBe(guarded);
    const plain = createMemorySettingsStore();
    const wrapped = guardSettings(plain, logger);
    expect(wrapped).not.toBe(plain);
    expect(wrapped.unsavedNotice()).toBeNull();
  });
});
