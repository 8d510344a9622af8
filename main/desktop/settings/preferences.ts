/**
 * The person's everyday choices (Settings' preferences): where each is stored, what the screen
 * is shown, and how a change reaches the parts of the app that follow it. Pure — the desktop
 * features that act on a choice (the global shortcut, launch at login, reminders) attach here
 * as a `PreferenceSystem`; hosts without one (the harness) attach stand-ins or none. Both hosts
 * build it the same way (main/app/create-app-core.ts).
 */
import type {
  Notice,
  PreferenceChange,
  PreferenceKey,
  PreferencesView,
} from '../../../preload/contract.ts';
import { parseShortcutChoice } from '../../../preload/shared/preferences.ts';
import { parseClockChoice, parseJoinChoice } from '../../../preload/shared/time-style.ts';
import { AppError } from '../../core/errors.ts';
import type { Logger, SettingsStore } from '../../core/ports.ts';
import { parseReminderLead } from '../reminders/reminder-planner.ts';
import { ShellSetting } from './settings-keys.ts';

type ValueOf<K extends PreferenceKey> = Extract<PreferenceChange, { key: K }>['value'];

/** A part of the app (or the OS) that carries out one preference. */
export interface PreferenceSystem<V> {
  /** Makes the system follow the value; throws (an AppError, best) to refuse it. */
  apply(value: V): Promise<void> | void;
  /**
   * The system's real state when it can be read (launch at login: the OS login items; the
   * shortcut: what is registered). Shown instead of the stored value, and stored after a refusal.
   */
  current?(): V | undefined;
  /** Why the system is not doing what was chosen (e.g. the shortcut was taken at start-up). */
  problem?(): Notice | null;
}

export interface PreferencesHostInfo {
  /** Whether this host can start the app at login; when false the section is left out. */
  launchAtLogin: boolean;
  /** Print shortcuts the Mac way. */
  macKeys: boolean;
  menuBarTitle: PreferencesView['menuBarTitle']['shown'];
}

export interface Preferences {
  view(): PreferencesView;
  /** Applies, stores and announces one validated change; rejects when the system refuses it. */
  set(change: PreferenceChange): Promise<PreferencesView>;
  /** Called with the key after each change, or with null when a system's state moved. */
  subscribe(listener: (key: PreferenceKey | null) => void): () => void;
  /** A system that carries out `key`; returns a detach. */
  attach<K extends PreferenceKey>(key: K, system: PreferenceSystem<ValueOf<K>>): () => void;
  /** A system's state changed on its own (read back from the OS, a tray menu choice). */
  changed(): void;
}

const STORAGE: Record<PreferenceKey, string> = {
  reminderLead: ShellSetting.reminderLeadMinutes,
  clock: ShellSetting.clock,
  joinIn: ShellSetting.joinIn,
  launchAtLogin: ShellSetting.launchAtLoginEnabled,
  shortcut: ShellSetting.joinNextShortcut,
  menuBarTitle: ShellSetting.menuBarTitle,
};

export function createPreferences(deps: {
  settings: SettingsStore;
  host: PreferencesHostInfo;
  logger: Logger;
}): Preferences {
  const { settings, host, logger } = deps;
  const systems = new Map<PreferenceKey, PreferenceSystem<never>>();
  const listeners = new Set<(key: PreferenceKey | null) => void>();
  /** Changes run one at a time, in order: each may register or unregister something. */
  let queue: Promise<unknown> = Promise.resolve();

  const systemOf = <K extends PreferenceKey>(key: K) =>
    systems.get(key) as PreferenceSystem<ValueOf<K>> | undefined;
  const shown = <K extends PreferenceKey>(key: K, stored: ValueOf<K>): ValueOf<K> => {
    const real = systemOf(key)?.current?.();
    return real === undefined ? stored : real;
  };
  const announce = (key: PreferenceKey | null) => {
    for (const listener of [...listeners]) {
      try {
        listener(key);
      } catch (error) {
        logger.error('a preference listener failed', { error: String(error) });
      }
    }
  };

  const view = (): PreferencesView => ({
    reminderLead: shown('reminderLead', parseReminderLead(settings.get(STORAGE.reminderLead))),
    clock: shown('clock', parseClockChoice(settings.get(STORAGE.clock))),
    joinIn: shown('joinIn', parseJoinChoice(settings.get(STORAGE.joinIn))),
    launchAtLogin: host.launchAtLogin
      ? shown('launchAtLogin', settings.get(STORAGE.launchAtLogin) === true)
      : null,
    shortcut: {
      accelerator: shown('shortcut', parseShortcutChoice(settings.get(STORAGE.shortcut))),
      problem: systemOf('shortcut')?.problem?.() ?? null,
      macKeys: host.macKeys,
    },
    menuBarTitle: {
      // On unless turned off, as the tray reads it.
      enabled: shown('menuBarTitle', settings.get(STORAGE.menuBarTitle) !== false),
      shown: host.menuBarTitle,
    },
  });

  const apply = async (change: PreferenceChange) => {
    if (change.key === 'launchAtLogin' && !host.launchAtLogin)
      throw new AppError(
        'launch_at_login_failed',
        'This copy of Meeting Tray cannot start at login.',
      );
    const system = systemOf(change.key) as PreferenceSystem<typeof change.value> | undefined;
    try {
      await system?.apply(change.value);
    } catch (error) {
      // What the system does now is what is kept (e.g. no shortcut after a refused one).
      const real = system?.current?.();
      if (real !== undefined) settings.set(STORAGE[change.key], real);
      announce(change.key);
      throw error instanceof AppError
        ? error
        : new AppError('unknown', 'The setting could not be applied.', { cause: error });
    }
    settings.set(STORAGE[change.key], change.value);
    logger.info('a preference changed', { key: change.key, value: String(change.value) });
    announce(change.key);
    return view();
  };

  return {
    view,
    set(change) {
      const run = queue.then(() => apply(change));
      queue = run.catch(() => undefined);
      return run;
    },
    subscribe(listener) {
      const entry = (key: PreferenceKey | null) => listener(key);
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    attach(key, system) {
      systems.set(key, system as PreferenceSystem<never>);
      return () => {
        if (systems.get(key) === (system as PreferenceSystem<never>)) systems.delete(key);
      };
    },
    changed: () => announce(null),
  };
}

/** The stored choice for one key (what a system applies at start-up). */
export function storedPreference<K extends 'shortcut' | 'launchAtLogin'>(
  settings: Pick<SettingsStore, 'get'>,
  key: K,
): ValueOf<K> {
  const raw = settings.get(STORAGE[key]);
  return (key === 'shortcut' ? parseShortcutChoice(raw) : raw === true) as ValueOf<K>;
}
