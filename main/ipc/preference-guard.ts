// A preference change from the Settings screen is untrusted like every IPC argument: exactly one
// `{ key, value }` whose value is one of that key's choices, rebuilt so nothing else rides along.
import type { PreferenceChange } from '../../preload/contract.ts';
import { isReminderLeadChoice, isShortcutChoice } from '../../preload/shared/preferences.ts';
import { CLOCK_CHOICES, JOIN_CHOICES } from '../../preload/shared/time-style.ts';
import { invalidArgument } from './arg-guards.ts';

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** Each key and the values it accepts. */
const VALUE_CHECKS: { [K in PreferenceChange['key']]: (value: unknown) => boolean } = {
  reminderLead: isReminderLeadChoice,
  clock: (value) => CLOCK_CHOICES.some((choice) => choice === value),
  joinIn: (value) => JOIN_CHOICES.some((choice) => choice === value),
  launchAtLogin: isBoolean,
  shortcut: (value) => value === null || isShortcutChoice(value),
  menuBarTitle: isBoolean,
};

export function expectPreferenceChange(args: unknown): PreferenceChange {
  if (!Array.isArray(args)) throw invalidArgument('arguments must be a list');
  if (args.length !== 1) throw invalidArgument('exactly one argument expected');
  const [change] = args as unknown[];
  if (typeof change !== 'object' || change === null || Array.isArray(change))
    throw invalidArgument('a preference change expected');
  const { key, value, ...rest } = change as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw invalidArgument('unexpected preference field');
  if (typeof key !== 'string' || !Object.hasOwn(VALUE_CHECKS, key))
    throw invalidArgument('unknown preference');
  if (!VALUE_CHECKS[key as PreferenceChange['key']](value))
    throw invalidArgument(`not a choice for ${key}`);
  return { key, value } as PreferenceChange;
}
