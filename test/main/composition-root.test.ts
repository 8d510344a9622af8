// Boots the real composition root (main/index.ts) with the fake electron: the real core, IPC
// door and desktop features run in demo mode against the in-process Zoom sandbox. This is the
// one test that needs vi.mock — main/index.ts is the only module that imports electron's
// singletons. The fake is the whole module: nothing is patched in here.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Channel } from '../../preload/contract.ts';
import { fakeEvent, press } from '../fakes/fake-electron.ts';
import { consent } from '../helpers/sandbox-browser.ts';

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../fakes/fake-electron.ts');
  return createFakeElectron({
    appPath: (await import('node:path')).join(import.meta.dirname, '../..'),
  });
});
vi.mock('electron', () => fake);

vi.mock('electron-store', () => ({
  default: class {
    readonly data = new Map<string, unknown>();
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
    delete(key: string) {
      this.data.delete(key);
    }
  },
}));

/** Real HTTP to the sandbox is involved, so wait for the observable outcome (no fixed sleeps). */
function until<T>(read: () => T | undefined | false, what: string): Promise<T> {
  return vi.waitFor(
    () => {
      const value = read();
      if (value === undefined || value === false) throw new Error(`still waiting for ${what}`);
      return value;
    },
    { timeout: 10_000, interval: 20 },
  );
}

const trayLabels = () => fake.trays[0]?.labels() ?? [];

/** What the app did between loading and Electron's `ready`. */
const beforeReady = { isReady: true, privileged: [] as string[], windowsAfterSecondLaunch: -1 };

describe('composition root (demo mode, fake electron)', () => {
  beforeAll(async () => {
    process.env.MEETING_TRAY_KEYCHAIN_SERVICE = `Meeting Tray composition test ${process.pid}`;
    process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'mt-config-'));
    delete process.env.ZOOM_CLIENT_ID;
    delete process.env.ZOOM_CLIENT_SECRET;
    // Confirms the tray's sign-out question; declines the launch-at-login offer.
    fake.dialog.answer = (options) =>
      options.message === 'Sign out and revoke access?' ? 0 : (options.cancelId ?? 0);
    await import('../../main/index.ts');
    beforeReady.isReady = fake.app.isReady();
    beforeReady.privileged = fake.protocol.privileged.map((s) => s.scheme);
    fake.app.emit('second-instance', fakeEvent(), ['mt'], '/', {});
    beforeReady.windowsAfterSecondLaunch = fake.windows.length;
    fake.app.finishLaunching();
    await until(() => fake.windows[0], 'the window');
  });

  afterAll(() => {
    fake.app.emit('before-quit', fakeEvent());
  });

  it('before ready: registers app://, and a second launch creates no window yet', () => {
    expect(beforeReady).toEqual({
      isReady: false,
      privileged: ['app'],
      windowsAfterSecondLaunch: 0,
    });
  });

  it('registers app:// before ready, claims the instance lock and the meetingtray:// scheme', () => {
    expect(fake.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(fake.app.protocolClients.map((c) => c.scheme)).toEqual(['meetingtray']);
    expect(fake.app.listenerCount('second-instance')).toBe(1);
    expect(fake.app.listenerCount('open-url')).toBe(1);
    expect(fake.app.listenerCount('window-all-closed')).toBe(1);
  });

  it('a second launch shows the window and forwards its deep link (a stale one is refused by auth)', () => {
    const before = fake.windows.length;
    fake.app.emit(
      'second-instance',
      {},
      ['mt', '--', 'meetingtray://oauth/callback?code=x&state=unknown'],
      '/',
      {},
    );
    expect(fake.windows.length).toBe(before);
    expect(fake.windows[0]!.focused).toBe(true);
    expect(fake.windows[0]!.visible).toBe(true);
  });

  it('opens the hardened window on app:// and answers IPC only from it', async () => {
    const win = fake.windows[0]!;
    expect(win.loadedUrls).toEqual(['app://renderer/index.html']);
    expect(win.options).toMatchObject({
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(fake.session.defaultSession.hasPermissionHandlers()).toBe(true);
    const trusted = await fake.ipcMain.invoke(Channel.getSession, { sender: win.webContents });
    expect(trusted).toMatchObject({ kind: 'signed-out', demo: true });
    const foreign = await fake.ipcMain.invoke(Channel.getSession, {
      sender: fake.newWebContents('app://renderer/index.html'),
    });
    expect(foreign).toMatchObject({ ok: false, code: 'untrusted_sender' });
    const page = await fake.protocol.fetch('app://renderer/index.html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('signs in from the tray through the sandbox, then shows meetings in the tray and the window', async () => {
    expect(trayLabels()).toEqual([
      'Connect your Zoom account…',
      'Open Meeting Tray',
      'Sign in…',
      'Settings…',
      '---',
      'Quit',
    ]);
    fake.trays[0]!.clickItem('Sign in…');
    const authorizationUrl = await until(() => fake.shell.opened[0], 'the sign-in page to open');
    expect(authorizationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?/u);
    const answer = await fetch(await consent(authorizationUrl, 'allow'));
    expect(answer.status).toBe(200);
    await until(() => trayLabels().includes('Sign out'), 'the signed-in tray');
    expect(trayLabels()).toEqual(
      expect.arrayContaining([
        'Demo mode — sample meetings',
        'Open Meeting Tray',
        'Refresh',
        'Reminders',
        'Quit',
      ]),
    );
    expect(fake.trays[0]!.tooltip).toMatch(/^(Next|Now): /u);
    // Session pushes only: the display push of a minute tick may come in between.
    const pushed = fake.windows[0]!.webContents.sent.filter(
      ([channel]) => channel === Channel.sessionChanged,
    ).map(([channel, state]) => [channel, (state as { kind: string }).kind]);
    expect(pushed.at(-1)).toEqual([Channel.sessionChanged, 'signed-in']);
    expect(JSON.stringify(fake.windows[0]!.webContents.sent)).not.toMatch(
      /access_token|refresh_token|accessToken/u,
    );
    // Zoom's calls went over Chromium's network stack, on a cookie-less session of their own.
    const zoomCalls = fake.session.fromPartition('persist:zoom-api').requests;
    expect(zoomCalls.map((call) => new URL(call.url).pathname)).toEqual(
      expect.arrayContaining(['/oauth/token', '/v2/users/me']),
    );
    expect(zoomCalls.every((call) => call.credentials === 'omit')).toBe(true);
    // The log file is in Electron's logs folder; the demo's grants are in the data folder.
    const log = readFileSync(join(fake.app.getPath('logs'), 'main.log'), 'utf8');
    expect(log).toMatch(/\[info\]\s+signed in/u);
    expect(existsSync(join(fake.app.getPath('userData'), 'demo-sandbox-grants.json'))).toBe(true);
  });

  it("tells the window main's minute, the system zone and regional locale, and the options", async () => {
    const display = await fake.ipcMain.invoke(Channel.getDisplay, {
      sender: fake.windows[0]!.webContents,
    });
    expect(display).toEqual({
      now: expect.any(Number),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: fake.app.getSystemLocale(),
      systemHourCycle: null,
      clock: 'system',
      joinIn: 'app',
    });
    expect(Math.abs((display as { now: number }).now - Date.now())).toBeLessThan(60_000);
  });

  it('joins from the tray through the allow-list, and signs out (revoking) from the tray', async () => {
    const opened = fake.shell.opened.length;
    const firstMeeting = fake.trays[0]!.menu!.template.find(
      // The tray writes times as the window does: the fake system's en-US says 9:00 AM.
      (i) => /^\d{1,2}:\d\d(\s[AP]M)? {2}/u.test(String(i.label)) && i.enabled !== false,
    );
    press(firstMeeting!);
    await until(() => fake.shell.opened.length > opened, 'the join link');
    expect(fake.shell.opened.at(-1)).toMatch(/^https:\/\/[a-z0-9.]*zoom\.us\//u);
    fake.trays[0]!.clickItem('Sign out');
    await until(() => trayLabels().includes('Sign in…'), 'the signed-out tray');
  });

  it("the tray's Settings… shows the window, which takes the request once; settings answer over IPC", async () => {
    const win = fake.windows[0]!;
    const sent = win.webContents.sent.length;
    fake.trays[0]!.clickItem('Settings…');
    expect(win.visible).toBe(true);
    expect(win.webContents.sent.slice(sent).map(([channel]) => channel)).toEqual([
      Channel.screenRequested,
    ]);
    const take = () => fake.ipcMain.invoke(Channel.takeScreenRequest, { sender: win.webContents });
    expect(await take()).toEqual({ ok: true, value: 'settings' });
    expect(await take()).toEqual({ ok: true, value: null });
    expect(
      await fake.ipcMain.invoke(Channel.getSettings, { sender: win.webContents }),
    ).toMatchObject({
      ok: true,
      value: {
        zoomAccount: { source: 'demo', clientId: '', redirectUrl: 'http://127.0.0.1/callback' },
      },
    });
  });

  it('preferences set in Settings reach the desktop features at once', async () => {
    const win = fake.windows[0]!;
    const set = (change: unknown) =>
      fake.ipcMain.invoke(Channel.setPreference, { sender: win.webContents }, change);
    expect(fake.globalShortcut.active()).toEqual([]);
    expect(await set({ key: 'shortcut', value: 'CommandOrControl+Alt+J' })).toMatchObject({
      ok: true,
      value: { preferences: { shortcut: { accelerator: 'CommandOrControl+Alt+J' } } },
    });
    expect(fake.globalShortcut.active()).toEqual(['CommandOrControl+Alt+J']);

    const sent = win.webContents.sent.length;
    expect(await set({ key: 'clock', value: '24h' })).toMatchObject({ ok: true });
    const pushed = win.webContents.sent.slice(sent);
    expect(pushed).toContainEqual([
      Channel.displayChanged,
      expect.objectContaining({ clock: '24h' }),
    ]);
    expect(pushed).toContainEqual([
      Channel.settingsChanged,
      expect.objectContaining({ preferences: expect.objectContaining({ clock: '24h' }) }),
    ]);

    const autostart = join(process.env.XDG_CONFIG_HOME!, 'autostart', 'meeting-tray.desktop');
    expect(existsSync(autostart)).toBe(false);
    expect(await set({ key: 'launchAtLogin', value: true })).toMatchObject({
      ok: true,
      value: { preferences: { launchAtLogin: true } },
    });
    expect(existsSync(autostart)).toBe(true);

    expect(await set({ key: 'clock', value: '25h' })).toMatchObject({
      ok: false,
      code: 'invalid_argument',
    });
  });
});
