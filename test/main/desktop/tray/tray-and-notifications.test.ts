import { describe, expect, it } from 'vitest';
import { createReminderNotifier } from '../../../../main/desktop/reminders/electron-reminder-notifier.ts';
import { createTrayController, menuLabel } from '../../../../main/desktop/tray/electron-tray.ts';
import { buildTrayModel, type TrayAction } from '../../../../main/desktop/tray/tray-model.ts';
import { createFakeElectron, press } from '../../../fakes/fake-electron.ts';
import { meeting, signedIn } from '../meeting-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';

function tray(platform: NodeJS.Platform) {
  const electron = createFakeElectron();
  const actions: TrayAction[] = [];
  const controller = createTrayController({
    Tray: electron.Tray,
    Menu: electron.Menu,
    image: electron.nativeImage.createFromPath('trayTemplate.png'),
    platform,
    onAction: (action) => actions.push(action),
  });
  return { electron, actions, controller, fake: electron.trays[0]! };
}

describe('tray controller', () => {
  const state = signedIn([meeting('1', 'Standup & sync', '2026-11-24T13:00:00Z')]);
  const model = buildTrayModel(state, Date.parse('2026-11-24T12:35:00Z'), 'Europe/Berlin');

  it('shows tooltip, macOS title and the quick-view menu', () => {
    const { fake, controller } = tray('darwin');
    controller.render(model);
    expect(fake.tooltip).toBe('Next: Standup & sync at 14:00 — in 25 min');
    expect(fake.title).toBe('Standup & sync · 25m');
    expect(fake.labels()).toEqual([
      'Today',
      '14:00  Standup & sync',
      '---',
      'Open Meeting Tray',
      'Refresh',
      'Reminders',
      '---',
      'Sign out',
      'Quit',
    ]);
  });

  it('menu clicks run the actions: join, open, refresh, sign out, quit', () => {
    const { fake, controller, actions } = tray('darwin');
    controller.render(model);
    for (const label of [
      '14:00  Standup & sync',
      'Open Meeting Tray',
      'Refresh',
      'Sign out',
      'Quit',
    ])
      fake.clickItem(label);
    expect(actions).toEqual([
      { type: 'join', url: 'https://us05web.zoom.us/j/1' },
      { type: 'open-window' },
      { type: 'refresh' },
      { type: 'sign-out' },
      { type: 'quit' },
    ]);
  });

  it('renders the reminder choices as radio items in a submenu that run their action', () => {
    const { fake, controller, actions } = tray('linux');
    controller.render(
      buildTrayModel(state, Date.parse('2026-11-24T12:35:00Z'), 'Europe/Berlin', {
        reminderLead: 'off',
      }),
    );
    const submenu = fake.menu?.template.find((i) => i.label === 'Reminders')?.submenu;
    if (!Array.isArray(submenu)) throw new Error('the Reminders item has no submenu');
    expect(submenu.map((i) => [i.type, i.label, i.checked])).toEqual([
      ['radio', 'Off', true],
      ['radio', 'When it starts', false],
      ['radio', '1 minute before', false],
      ['radio', '5 minutes before', false],
      ['radio', '10 minutes before', false],
      ['radio', '15 minutes before', false],
    ]);
    press(submenu[4]!);
    expect(actions).toEqual([{ type: 'set-reminder-lead', lead: 10 }]);
  });

  it('does not set a title off macOS, escapes & on Windows, and opens the window on left click', () => {
    const { fake, controller, actions } = tray('win32');
    controller.render(model);
    expect(fake.title).toBe('');
    expect(fake.labels()).toContain('14:00  Standup && sync');
    fake.emit('click');
    expect(actions).toEqual([{ type: 'open-window' }]);
    expect(menuLabel('a&b', 'linux')).toBe('a&b');
  });

  it('does not rebuild an unchanged menu on every minute tick', () => {
    const { fake, controller } = tray('linux');
    controller.render(model);
    controller.render(buildTrayModel(state, Date.parse('2026-11-24T12:35:00Z'), 'Europe/Berlin'));
    expect(fake.menuBuilds).toBe(1);
    controller.render(buildTrayModel(state, Date.parse('2026-11-24T12:36:00Z'), 'Europe/Berlin'));
    expect(fake.menuBuilds).toBe(2);
    expect(fake.tooltip).toBe('Next: Standup & sync at 14:00 — in 24 min');
  });

  it('keeps the model it last rendered, the one the end-to-end spec reads', () => {
    const { controller } = tray('linux');
    expect(controller.lastModel()).toBeNull();
    controller.render(model);
    const later = buildTrayModel(state, Date.parse('2026-11-24T12:50:00Z'), 'Europe/Berlin');
    controller.render(later);
    expect(controller.lastModel()).toBe(later);
  });
});

describe('reminder notifications', () => {
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

  it('on macOS offers a Join action that joins', async () => {
    const { electron, joined, notify, windowShows } = notifier('darwin');
    notify(notice);
    const shown = electron.notifications[0]!;
    expect(shown.shown).toBe(true);
    expect(shown.options).toEqual({
      title: 'Standup',
      body: 'Starts at 14:00 — in 5 min',
      actions: [{ type: 'button', text: 'Join' }],
    });
    shown.emit('action', {}, 0);
    shown.emit('click');
    expect(joined).toEqual(['https://zoom.us/j/1']);
    expect(windowShows()).toBe(1);
  });

  it('elsewhere has no actions and a click joins', () => {
    const { electron, joined, notify } = notifier('linux');
    notify(notice);
    const shown = electron.notifications[0]!;
    expect(shown.options.actions).toBeUndefined();
    shown.emit('click');
    expect(joined).toEqual(['https://zoom.us/j/1']);
  });

  it('without an allowed link a click opens the window instead', () => {
    const { electron, joined, notify, windowShows } = notifier('win32');
    notify({ ...notice, joinUrl: null });
    electron.notifications[0]!.emit('click');
    expect(joined).toEqual([]);
    expect(windowShows()).toBe(1);
  });

  it('skips quietly where notifications are unsupported', () => {
    const { electron, notify } = notifier('linux', false);
    notify(notice);
    expect(electron.notifications).toEqual([]);
  });
});
