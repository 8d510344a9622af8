import { EventEmitter } from 'node:events';
import type { NotificationConstructorOptions } from 'electron';
import type { ReminderNotification } from '../../../main/desktop/reminders/electron-reminder-notifier.ts';

export class FakeNotification extends EventEmitter implements ReminderNotification {
  readonly options: NotificationConstructorOptions;
  shown = false;
  constructor(options: NotificationConstructorOptions = {}) {
    super();
    this.options = options;
  }
  show() {
    this.shown = true;
  }
}
