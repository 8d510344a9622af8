import type { PreferencesView } from '../../preload/contract.ts';

/** What a fresh install's preferences look like on a host that offers every section (the harness). */
export const DEFAULT_PREFERENCES: PreferencesView = {
  reminderLead: 5,
  clock: 'system',
  joinIn: 'app',
  launchAtLogin: false,
  shortcut: { accelerator: null, problem: null, macKeys: false },
  menuBarTitle: { enabled: true, shown: 'preview' },
};
