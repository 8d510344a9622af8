import { describe, expect, it } from 'vitest';
import { createReminderNotifier } from '../../../../main/desktop/reminders/electron-reminder-notifier.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createRecordingLogger } from '../test-logger.ts';

const notice = {
  key: 'k',
  title: 'Standup',
  body: 'Starts at 14:00 — in 5 min',
  joinUrl: 'https://zoom.us/j/1',
};

function notifier(platform: NodeJS.Platform, supported = true) {
  const electron = createFakeElectron({ notificationsSupported: supported });
  const joined: string[] = [];
  let shownWindow = 0;
  const notify = createReminderNotifier({
    Notification: electron.Notification,
    platform,
    join: async (url) => void joined.push(url),
    showWindow: () => (shownWindow += 1),
    logger: createRecordingLogger(),
  });
  return { electron, joined, notify, windowShows: () => shownWindow };
}

/** Electron's 'action' event: details first, then the deprecated index arguments. */
const pressJoin = (shown: { emit(event: string, ...args: unknown[]): boolean }) =>
  shown.emit('action', { actionIndex: 0, selectionIndex: -1 }, 0, -1);

describe('reminder notifications', () => {
  it('on macOS offers a Join button that joins; a click opens the window', () => {
    const { electron, joined, notify, windowShows } = notifier('darwin');
    notify(notice);
    const shown = electron.notifications[0]!;
    expect(shown.shown).toBe(true);
    expect(shown.options).toEqual({
      title: 'Standup',
      body: 'Starts at 14:00 — in 5 min',
      actions: [{ type: 'button', text: 'Join' }],
    });
    pressJoin(shown);
    shown.emit('click');
    expect(joined).toEqual(['https://zoom.us/j/1']);
    expect(windowShows()).toBe(1);
  });

  it('on Windows offers a Join button on the toast that joins, and a click joins too', () => {
    const { electron, joined, notify, windowShows } = notifier('win32');
    notify(notice);
    const shown = electron.notifications[0]!;
    expect(shown.options.actions).toEqual([{ type: 'button', text: 'Join' }]);
    pressJoin(shown);
    shown.emit('click');
    expect(joined).toEqual(['https://zoom.us/j/1', 'https://zoom.us/j/1']);
    expect(windowShows()).toBe(0);
  });

  it('on Linux sends no buttons (Electron has none there) and a click joins', () => {
    const { electron, joined, notify } = notifier('linux');
    notify(notice);
    const shown = electron.notifications[0]!;
    expect(shown.options.actions).toBeUndefined();
    shown.emit('click');
    expect(joined).toEqual(['https://zoom.us/j/1']);
  });

  it('without an allowed link has no Join button anywhere, and a click opens the window', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { electron, joined, notify, windowShows } = notifier(platform);
      notify({ ...notice, joinUrl: null });
      const shown = electron.notifications[0]!;
      expect(shown.options.actions).toBeUndefined();
      shown.emit('click');
      expect(joined).toEqual([]);
      expect(windowShows()).toBe(1);
    }
  });

  it('skips quietly where notifications are unsupported', () => {
    const { electron, notify } = notifier('linux', false);
    notify(notice);
    expect(electron.notifications).toEqual([]);
  });
});
