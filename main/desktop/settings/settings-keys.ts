/** Keys the shell keeps in the SettingsStore (non-secret, electron-store in the app). */
export const ShellSetting = {
  reminderLeadMinutes: 'reminders.leadMinutes',
  firedReminderKeys: 'reminders.firedKeys',
  launchAtLoginOffered: 'launchAtLogin.offered',
  launchAtLoginEnabled: 'launchAtLogin.enabled',
  /** macOS: the next meeting beside the tray icon; on unless set to false. */
  menuBarTitle: 'tray.menuBarTitle',
  /** 'system' (the locale's habit), '12h' or '24h': how the window, tray and reminders write times. */
  clock: 'display.clock',
  /** 'app' (the Zoom desktop app, the browser as fallback) or 'browser': where Join opens a meeting. */
  joinIn: 'join.openIn',
  /** The global shortcut that joins the next meeting: an accelerator, or absent/null for off (the default). */
  joinNextShortcut: 'shortcut.joinNext',
} as const;
