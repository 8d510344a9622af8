/** Keys the shell keeps in the SettingsStore (non-secret, electron-store in the app). */
export const ShellSetting = {
  reminderLeadMinutes: 'reminders.leadMinutes',
  firedReminderKeys: 'reminders.firedKeys',
  launchAtLoginOffered: 'launchAtLogin.offered',
  launchAtLoginEnabled: 'launchAtLogin.enabled',
  /** macOS: the next meeting beside the tray icon; on unless set to false. */
  menuBarTitle: 'tray.menuBarTitle',
} as const;
