import type { TimeStyle } from '../../../preload/shared/time-style.ts';
import type { SettingsStore } from '../../core/ports.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import {
  createReminderNotifier,
  type ReminderNotificationClass,
} from './electron-reminder-notifier.ts';
import { createReminderScheduler, type ReminderScheduler } from './reminder-scheduler.ts';

/**
 * Meeting reminders as system notifications, each fired once (remembered in settings). The
 * meeting list and the re-planning come from the shell coordinator.
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
  return reminders;
}
