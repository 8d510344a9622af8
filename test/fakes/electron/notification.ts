import { EventEmitter } from 'node:events';
import type { Notification, NotificationConstructorOptions } from 'electron';

export class FakeNotification extends EventEmitter implements Pick<Notification, 'show'> {
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
