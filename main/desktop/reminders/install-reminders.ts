import type { TimeStyle } from '../../../preload/shared/time-style.ts';
import type { SettingsStore } from '../../core/ports.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import type { Preferences } from '../settings/preferences.ts';
import {
  createReminderNotifier,
  type ReminderNotificationClass,
} from './electron-reminder-notifier.ts';
import { createReminderScheduler, type ReminderScheduler } from './reminder-scheduler.ts';

/**
 * Meeting reminders as system notifications, each fired once (remembered in settings). The
 * meeting list and the re-planning come from the shell coordinator. The lead time is a Settings
 * preference: a change there re-plans pending reminders at once, and one made in the tray's menu
 * shows in Settings.
 */
export function installReminders(
  deps: DesktopContext & {
    Notification: ReminderNotificationClass;
    settings: SettingsStore;
    openJoinLink: (url: string) => Promise<void>;
    showWindow: () => void;
    /** The system zone as last checked, and the locale and `clock` option, read per notice. */
    timeZone?: () => string | undefined;
    timeStyle?: () => TimeStyle;
    preferences?: Pick<Preferences, 'attach' | 'changed'>;
  },
): ReminderScheduler {
  const reminders = createReminderScheduler({
    clock: deps.clock,
    settings: deps.settings,
    ...(deps.timeZone && { timeZone: deps.timeZone }),
    ...(deps.timeStyle && { timeStyle: deps.timeStyle }),
    notify: createReminderNotifier({
      Notification: deps.Notification,
      platform: deps.platform,
      join: deps.openJoinLink,
      showWindow: deps.showWindow,
      logger: deps.logger,
    }),
  });
  deps.teardown.add(() => reminders.dispose());
  const { preferences } = deps;
  if (preferences) {
    deps.teardown.add(
      preferences.attach('reminderLead', { apply: (lead) => reminders.setLead(lead) }),
    );
    deps.teardown.add(reminders.onLeadChange(() => preferences.changed()));
  }
  return reminders;
}
