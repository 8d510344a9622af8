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

/**
 * Shows a reminder. macOS gets a "Join" action button; Windows and Linux have no portable
 * action support in Electron, so a click on the notification itself joins there.
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
    const notification = new deps.Notification({
      title: notice.title,
      body: notice.body,
      ...(mac && notice.joinUrl ? { actions: [{ type: 'button' as const, text: 'Join' }] } : {}),
    });
    live.add(notification);
    notification.on('action', () => join(notice.joinUrl));
    notification.on('click', () => (mac ? deps.showWindow() : join(notice.joinUrl)));
    notification.on('close', () => live.delete(notification));
    notification.show();
  };
}
