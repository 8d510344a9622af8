import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Logger } from '../../core/ports.ts';
import type { ReminderNotice } from './reminder-scheduler.ts';

/** A shown notification as the notifier uses it: shown once, then heard from. */
export interface ReminderNotification extends Pick<Notification, 'show'> {
  on(event: 'action', listener: () => void): unknown;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** Electron's Notification class, as far as the notifier constructs and asks it. */
export interface ReminderNotificationClass {
  new (options: NotificationConstructorOptions): ReminderNotification;
  isSupported(): boolean;
}

/** Where a reminder gets a "Join" button: Electron implements action buttons on these only. */
const JOIN_BUTTON_PLATFORMS: readonly NodeJS.Platform[] = ['darwin', 'win32'];

/**
 * Shows a reminder with a way to join from it:
 * - macOS: a "Join" action button; a click on the notification opens the window.
 * - Windows: a "Join" button on the toast (Electron 45's `actions`); a click on the toast joins
 *   too, which is the way in should the button not be delivered to an installed app.
 * - Linux: Electron does not send action buttons to the notification server (libnotify gets
 *   only a default action, and only from servers that advertise `actions`), and cannot ask the
 *   server what it supports, so a click on the notification joins; where the server does not
 *   report clicks, the window's Join is the way in.
 */
export function createReminderNotifier(deps: {
  Notification: ReminderNotificationClass;
  platform: NodeJS.Platform;
  join: (url: string) => Promise<void>;
  showWindow: () => void;
  logger: Logger;
}): (notice: ReminderNotice) => void {
  // Electron drops click handlers of notifications that were garbage-collected; hold them until closed.
  const live = new Set<ReminderNotification>();
  const join = (url: string | null) => {
    if (!url) {
      deps.showWindow();
      return;
    }
    deps
      .join(url)
      .catch((error: unknown) =>
        deps.logger.warn('could not open the meeting', { error: String(error) }),
      );
  };

  return (notice) => {
    if (!deps.Notification.isSupported()) {
      deps.logger.info('notifications are not supported here; reminder skipped');
      return;
    }
    const mac = deps.platform === 'darwin';
    const button = JOIN_BUTTON_PLATFORMS.includes(deps.platform) && notice.joinUrl !== null;
    const notification = new deps.Notification({
      title: notice.title,
      body: notice.body,
      ...(button ? { actions: [{ type: 'button' as const, text: 'Join' }] } : {}),
    });
    live.add(notification);
    // The only action is Join.
    notification.on('action', () => join(notice.joinUrl));
    notification.on('click', () => (mac ? deps.showWindow() : join(notice.joinUrl)));
    notification.on('close', () => live.delete(notification));
    notification.show();
  };
}
