/**
 * The choices the Settings screen offers, defined once for main (which validates and stores
 * them) and the renderer (which lists them). Pure, like the rest of preload/shared.
 */
import type { ReminderLeadChoice, ShortcutChoice } from '../contract.ts';

/** 'off' disables reminders, 0 is "when it starts", the rest are minutes before. */
export const REMINDER_LEAD_CHOICES: readonly ReminderLeadChoice[] = ['off', 0, 1, 5, 10, 15];
export const DEFAULT_REMINDER_LEAD: ReminderLeadChoice = 5;

/**
 * A short fixed list rather than a free text field: each is a valid Electron accelerator, none
 * is a common app shortcut on its own (Ctrl+J and Ctrl+M are), and a fixed list cannot be typed wrong.
 */
export const SHORTCUT_CHOICES: readonly ShortcutChoice[] = [
  'CommandOrControl+Alt+J',
  'CommandOrControl+Shift+J',
  'CommandOrControl+Alt+M',
  'CommandOrControl+Shift+M',
  'CommandOrControl+Alt+Z',
];

export function isReminderLeadChoice(value: unknown): value is ReminderLeadChoice {
  return REMINDER_LEAD_CHOICES.some((choice) => choice === value);
}

export function isShortcutChoice(value: unknown): value is ShortcutChoice {
  return SHORTCUT_CHOICES.some((choice) => choice === value);
}

/** A stored shortcut, or off (null) for anything else: off is the default. */
export function parseShortcutChoice(value: unknown): ShortcutChoice | null {
  return isShortcutChoice(value) ? value : null;
}

const MAC_KEYS: Record<string, string> = {
  CommandOrControl: '⌘',
  Alt: '⌥',
  Shift: '⇧',
};

/** "Ctrl+Alt+J", or "⌘⌥J" on a Mac: how the keys are printed on the person's keyboard. */
export function shortcutLabel(accelerator: ShortcutChoice, macKeys: boolean): string {
  const parts = accelerator.split('+');
  if (macKeys) return parts.map((part) => MAC_KEYS[part] ?? part).join('');
  return parts.map((part) => (part === 'CommandOrControl' ? 'Ctrl' : part)).join('+');
}
