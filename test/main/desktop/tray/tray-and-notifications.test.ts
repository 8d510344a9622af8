import { describe, expect, it } from 'vitest';
import { createTrayController, menuLabel } from '../../../../main/desktop/tray/electron-tray.ts';
import { buildTrayModel, type TrayAction } from '../../../../main/desktop/tray/tray-model.ts';
import { createFakeElectron, press } from '../../../fakes/fake-electron.ts';
import { meeting, signedIn } from '../meeting-fixtures.ts';

function tray(platform: NodeJS.Platform, options: { menuBarTitle?: () => boolean } = {}) {
  const electron = createFakeElectron();
  const actions: TrayAction[] = [];
  const icons: (number | null)[] = [];
  const controller = createTrayController({
    Tray: electron.Tray,
    Menu: electron.Menu,
    icon: (minutes) => {
      icons.push(minutes);
      return electron.nativeImage.createFromPath(minutes === null ? 'tray.png' : `${minutes}.png`);
    },
    platform,
    onAction: (action) => actions.push(action),
    ...options,
  });
  return { electron, actions, icons, controller, fake: electron.trays[0]! };
}

describe('tray controller', () => {
  const state = signedIn([meeting('1', 'Standup & sync', '2026-11-24T13:00:00Z')]);
  const model = buildTrayModel(state, Date.parse('2026-11-24T12:35:00Z'), 'Europe/Berlin');

  it('shows tooltip, macOS title and the quick-view menu', () => {
    const { fake, controller } = tray('darwin');
    controller.render(model);
    expect(fake.tooltip).toBe('Next: Standup & sync at 14:00 — in 25 min');
    expect(fake.title).toBe('Standup & sync · 25m');
    expect(fake.titleOptions).toEqual({ fontType: 'monospacedDigit' });
    expect(fake.labels()).toEqual([
      'Today',
      '14:00  Standup & sync',
      '---',
      'Open Meeting Tray',
      'Refresh',
      'Reminders',
      'Settings…',
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

  it('sends only what changed: a minute tick updates the countdown, not the menu', () => {
    const { fake, controller } = tray('darwin');
    const at = (iso: string) => buildTrayModel(state, Date.parse(iso), 'Europe/Berlin');
    controller.render(at('2026-11-24T12:35:00Z'));
    controller.render(at('2026-11-24T12:35:00Z'));
    expect([fake.menuBuilds, fake.tooltipSets, fake.titleSets]).toEqual([1, 1, 1]);
    controller.render(at('2026-11-24T12:36:00Z'));
    expect([fake.menuBuilds, fake.tooltipSets, fake.titleSets]).toEqual([1, 2, 2]);
    expect(fake.tooltip).toBe('Next: Standup & sync at 14:00 — in 24 min');
    expect(fake.title).toBe('Standup & sync · 24m');
    controller.render(at('2026-11-24T13:00:00Z')); // it starts: the menu marks it "(now)"
    expect(fake.menuBuilds).toBe(2);
    expect(fake.labels()).toContain('14:00  Standup & sync (now)');
  });

  it('off macOS, the icon carries the minutes left within the hour, and never a title', () => {
    const { fake, controller, icons } = tray('linux');
    const at = (iso: string) => buildTrayModel(state, Date.parse(iso), 'Europe/Berlin');
    controller.render(at('2026-11-24T11:50:00Z')); // 70 minutes ahead: the plain icon
    expect(fake.image.path).toBe('tray.png');
    controller.render(at('2026-11-24T12:00:00Z'));
    expect(fake.image.path).toBe('60.png');
    controller.render(at('2026-11-24T12:35:00Z'));
    expect(fake.image.path).toBe('25.png');
    controller.render(at('2026-11-24T12:35:00Z'));
    controller.render(at('2026-11-24T13:00:00Z'));
    expect(fake.image.path).toBe('0.png');
    controller.render(at('2026-11-24T13:10:00Z')); // over its first minutes: nothing next
    expect(fake.image.path).toBe('tray.png');
    expect(icons).toEqual([null, 60, 25, 0, null]);
    expect(fake.imageSets).toBe(4);
    expect(fake.titleSets).toBe(0);
  });

  it('draws the icon again for a new theme, with the minutes it shows', () => {
    const { fake, controller, icons } = tray('win32');
    controller.render(buildTrayModel(state, Date.parse('2026-11-24T12:35:00Z'), 'Europe/Berlin'));
    controller.refreshIcon();
    expect(icons).toEqual([null, 25, 25]);
    expect(fake.imageSets).toBe(2);
  });

  it('leaves the macOS title empty when the menu-bar title is off', () => {
    let on = false;
    const { fake, controller } = tray('darwin', { menuBarTitle: () => on });
    const at = (iso: string) => buildTrayModel(state, Date.parse(iso), 'Europe/Berlin');
    controller.render(at('2026-11-24T12:35:00Z'));
    expect(fake.title).toBe('');
    on = true;
    controller.render(at('2026-11-24T12:35:00Z'));
    expect(fake.title).toBe('Standup & sync · 25m');
    on = false;
    controller.render(at('2026-11-24T12:36:00Z'));
    expect(fake.title).toBe('');
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
