import { describe, expect, it } from 'vitest';
import type { ReminderLead } from '../../../../main/desktop/reminders/reminder-planner.ts';
import { installTray } from '../../../../main/desktop/tray/install-tray.ts';
import { buildTrayModel } from '../../../../main/desktop/tray/tray-model.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron, press } from '../../../fakes/fake-electron.ts';
import { createFakeSessionService } from '../../../fakes/fake-session-service.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting, signedIn, signedOut } from '../meeting-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';

function setup(
  platform: NodeJS.Platform,
  options: { exposeLastModel?: boolean } = {},
  stored: Record<string, unknown> = {},
) {
  const electron = createFakeElectron();
  const session = createFakeSessionService();
  const logger = createRecordingLogger();
  const teardown = createTeardown(logger);
  const leads: ReminderLead[] = [];
  const shown: string[] = [];
  const joined: string[] = [];
  const tray = installTray({
    platform,
    clock: createFakeClock(),
    logger,
    teardown,
    app: electron.app,
    Tray: electron.Tray,
    Menu: electron.Menu,
    nativeImage: electron.nativeImage,
    nativeTheme: electron.nativeTheme,
    dialog: electron.dialog,
    paths: { assets: '/app/assets' },
    settings: createMemorySettingsStore(stored),
    session: session.service,
    reminders: { setLead: (lead) => void leads.push(lead) },
    showWindow: () => void shown.push('window'),
    openSettings: () => void shown.push('settings'),
    openJoinLink: async (url) => void joined.push(url),
    ...options,
  });
  return { electron, session, teardown, tray, leads, shown, joined, fake: electron.trays[0]! };
}

/** Width of a PNG, read from its IHDR chunk. */
const pngSize = (png: Buffer) => png.readUInt32BE(16);

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('installTray', () => {
  it('uses the template icon on macOS, and follows the theme elsewhere', () => {
    const mac = setup('darwin');
    expect(mac.fake.image.path).toBe('/app/assets/trayTemplate.png');
    expect(mac.fake.image.isTemplateImage()).toBe(true);

    const linux = setup('linux');
    expect(linux.fake.image.path).toBe('/app/assets/tray-on-light.png');
    expect(linux.fake.image.isTemplateImage()).toBe(false);
    linux.electron.nativeTheme.shouldUseDarkColors = true;
    linux.electron.nativeTheme.emit('updated');
    expect(linux.fake.image.path).toBe('/app/assets/tray-on-dark.png');
  });

  it('off macOS, draws the minutes left into the icon for the scales each OS uses', () => {
    const standup = meeting('1', 'Standup', '2026-11-24T13:00:00Z');
    const model = buildTrayModel(signedIn([standup]), Date.parse('2026-11-24T12:35:00Z'), 'UTC');
    const windows = setup('win32');
    windows.tray.render(model);
    expect(windows.fake.image.path).toBeNull();
    expect(
      windows.fake.image.representations.map((r) => [r.scaleFactor, pngSize(r.buffer)]),
    ).toEqual([
      [1, 16],
      [1.5, 24],
      [2, 32],
    ]);

    const linux = setup('linux');
    linux.tray.render(model);
    expect(linux.fake.image.representations.map((r) => [r.scaleFactor, pngSize(r.buffer)])).toEqual(
      [[1, 32]],
    );
    const light = linux.fake.image.representations[0]!.buffer;
    linux.electron.nativeTheme.shouldUseDarkColors = true;
    linux.electron.nativeTheme.emit('updated');
    expect(linux.fake.image.path).toBeNull();
    expect(linux.fake.image.representations[0]!.buffer.equals(light)).toBe(false);
  });

  it('shows the macOS menu-bar title unless the setting turns it off', () => {
    const standup = meeting('1', 'Standup', '2026-11-24T13:00:00Z');
    const model = buildTrayModel(signedIn([standup]), Date.parse('2026-11-24T12:35:00Z'), 'UTC');
    const on = setup('darwin');
    on.tray.render(model);
    expect(on.fake.title).toBe('Standup · 25m');
    expect(on.fake.image.path).toBe('/app/assets/trayTemplate.png');
    const off = setup('darwin', {}, { 'tray.menuBarTitle': false });
    off.tray.render(model);
    expect(off.fake.title).toBe('');
  });

  it('wires the menu to the session, the window, reminders and quitting', async () => {
    const { tray, fake, session, leads, shown, electron } = setup('linux');
    tray.render(buildTrayModel(signedOut, Date.parse('2026-11-24T12:00:00Z'), 'UTC'));
    fake.clickItem('Sign in…');
    fake.clickItem('Open Meeting Tray');
    const standup = meeting('1', 'Standup', '2026-11-24T13:00:00Z');
    tray.render(buildTrayModel(signedIn([standup]), Date.parse('2026-11-24T12:00:00Z'), 'UTC'));
    fake.clickItem('Refresh');
    const reminders = fake.menu?.template.find((i) => i.label === 'Reminders')?.submenu;
    press(
      (Array.isArray(reminders) ? reminders : []).find((i) => i.label === '10 minutes before')!,
    );
    fake.clickItem('Quit');
    await settle();
    expect(session.calls).toEqual(['signIn', 'refresh']);
    expect(shown).toEqual(['window', 'window']); // sign-in shows the window too
    expect(leads).toEqual([10]);
    expect(electron.app.quitCalls).toBe(1);
  });

  it('asks before signing out from the tray, and signs out only when confirmed', async () => {
    const { tray, fake, session, electron } = setup('linux');
    const standup = meeting('1', 'Standup', '2026-11-24T13:00:00Z');
    tray.render(buildTrayModel(signedIn([standup]), Date.parse('2026-11-24T12:00:00Z'), 'UTC'));
    fake.clickItem('Sign out'); // the fake dialog presses Cancel by default
    await settle();
    expect(session.calls).toEqual([]);
    electron.dialog.answer = () => 0;
    fake.clickItem('Sign out');
    await settle();
    expect(electron.dialog.messageBoxes.map((box) => box.message)).toEqual([
      'Sign out and revoke access?',
      'Sign out and revoke access?',
    ]);
    expect(session.calls).toEqual(['signOut']);
  });

  it('exposes the model it last rendered only when asked to (MEETING_TRAY_E2E)', () => {
    const key = '__meetingTrayE2E';
    const exposed = () =>
      (globalThis as Record<string, unknown>)[key] as { trayModel(): unknown } | undefined;
    delete (globalThis as Record<string, unknown>)[key];
    setup('linux');
    expect(exposed()).toBeUndefined();

    const { tray } = setup('linux', { exposeLastModel: true });
    const model = buildTrayModel(signedOut, Date.parse('2026-11-24T12:00:00Z'), 'UTC');
    tray.render(model);
    expect(exposed()?.trayModel()).toBe(model);
    delete (globalThis as Record<string, unknown>)[key];
  });

  it('on quit, removes the tray and stops following the theme', async () => {
    const { teardown, fake, electron } = setup('linux');
    await teardown.run();
    expect(fake.destroyed).toBe(true);
    expect(electron.nativeTheme.listenerCount('updated')).toBe(0);
  });
});
