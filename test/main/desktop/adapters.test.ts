import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createJoinOpener,
  createSignInPageOpener,
} from '../../../main/desktop/security/electron-external-openers.ts';
import { createAutostartFiles } from '../../../main/desktop/launch-at-login/autostart-files.ts';
import { createLaunchAtLogin } from '../../../main/desktop/launch-at-login/electron-launch-at-login.ts';
import { createSettingsStore } from '../../../main/desktop/settings/electron-settings-store.ts';
import { createWakeEvents } from '../../../main/desktop/wake/electron-wake-events.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../fakes/fake-electron.ts';
import { createRecordingLogger } from './test-logger.ts';

describe('wake events', () => {
  function setup(online = true) {
    const electron = createFakeElectron({ online });
    const clock = createFakeClock();
    const wake = createWakeEvents({
      powerMonitor: electron.powerMonitor,
      net: electron.net,
      clock,
      pollMs: 10_000,
    });
    const reasons: string[] = [];
    wake.onWake((reason) => reasons.push(reason));
    return { electron, clock, wake, reasons };
  }

  it('reports resume and unlock', () => {
    const { electron, reasons, clock } = setup();
    electron.powerMonitor.emit('resume');
    electron.powerMonitor.emit('unlock-screen');
    expect(reasons).toEqual(['resume', 'unlock']);
    expect(clock.pendingTimers()).toBe(0); // online: nothing to poll for
  });

  it('after waking offline, polls net.isOnline until the network is back, then stops', async () => {
    const { electron, clock, reasons } = setup(false);
    electron.powerMonitor.emit('resume');
    await clock.advance(30_000);
    expect(reasons).toEqual(['resume']);
    electron.net.online = true;
    await clock.advance(10_000);
    expect(reasons).toEqual(['resume', 'online']);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('watchForOnline runs one poll at a time, and dispose stops everything', async () => {
    const { electron, clock, wake, reasons } = setup(false);
    wake.watchForOnline();
    wake.watchForOnline();
    expect(clock.pendingTimers()).toBe(1);
    wake.dispose();
    electron.net.online = true;
    electron.powerMonitor.emit('resume');
    await clock.advance(60_000);
    expect(reasons).toEqual([]);
    expect(electron.powerMonitor.listenerCount('resume')).toBe(0);
  });
});

describe('launch at login', () => {
  it('uses login items on macOS and Windows (with --hidden on Windows)', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const electron = createFakeElectron();
      const login = createLaunchAtLogin({
        app: electron.app,
        platform,
        executable: '/x',
        autostartPath: '/unused',
        files: createAutostartFiles(),
      });
      expect(await login.isEnabled()).toBe(false);
      await login.setEnabled(true);
      expect(electron.app.loginItem).toEqual(
        platform === 'win32' ? { openAtLogin: true, args: ['--hidden'] } : { openAtLogin: true },
      );
      expect(await login.isEnabled()).toBe(true);
      await login.setEnabled(false);
      expect(await login.isEnabled()).toBe(false);
    }
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const home = await mkdtemp(join(tmpdir(), 'mt-home-'));
    const path = join(home, '.config', 'autostart', 'meeting-tray.desktop');
    const electron = createFakeElectron();
    const login = createLaunchAtLogin({
      app: electron.app,
      platform: 'linux',
      executable: '/opt/MT/mt.AppImage',
      autostartPath: path,
      files: createAutostartFiles(),
    });
    expect(await login.isEnabled()).toBe(false);
    await login.setEnabled(true);
    expect(await readFile(path, 'utf8')).toContain('Exec=/opt/MT/mt.AppImage --hidden\n');
    expect(await login.isEnabled()).toBe(true);
    await login.setEnabled(false);
    expect(await login.isEnabled()).toBe(false);
    expect(electron.app.loginItem.openAtLogin).toBe(false);
  });
});

describe('settings store over electron-store', () => {
  it('maps get/set/delete and treats undefined as delete', () => {
    const data = new Map<string, unknown>();
    const store = createSettingsStore({
      get: (k) => data.get(k),
      set: (k, v) => void data.set(k, v),
      delete: (k) => void data.delete(k),
    });
    store.set('a', 1);
    expect(store.get<number>('a')).toBe(1);
    store.set('a', undefined);
    expect(data.has('a')).toBe(false);
    store.set('b', [1]);
    store.delete('b');
    expect(data.size).toBe(0);
  });
});

describe('external openers', () => {
  it('the join opener passes only allow-listed links to shell.openExternal', async () => {
    const { shell, app } = createFakeElectron();
    const open = createJoinOpener({
      shell,
      app,
      joinIn: () => 'app',
      logger: createRecordingLogger(),
    });
    await open('https://us05web.zoom.us/j/1');
    await expect(open('https://zoom.us@evil.com/')).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(open('file:///etc/passwd')).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(shell.opened).toEqual(['https://us05web.zoom.us/j/1']);
  });

  it('the sign-in opener takes https or the 127.0.0.1 sandbox, nothing else', async () => {
    const { shell } = createFakeElectron();
    const open = createSignInPageOpener(shell);
    await open('https://zoom.us/oauth/authorize?x=1');
    await open('http://127.0.0.1:4100/oauth/authorize');
    await expect(open('http://example.com/authorize')).rejects.toMatchObject({
      code: 'config_invalid',
    });
    await expect(open('javascript:alert(1)')).rejects.toMatchObject({ code: 'config_invalid' });
    expect(shell.opened).toEqual([
      'https://zoom.us/oauth/authorize?x=1',
      'http://127.0.0.1:4100/oauth/authorize',
    ]);
  });

  it('maps a browser failure to browser_open_failed', async () => {
    const open = createSignInPageOpener({
      openExternal: async () => Promise.reject(new Error('no browser')),
    });
    await expect(open('https://zoom.us/oauth/authorize')).rejects.toMatchObject({
      code: 'browser_open_failed',
    });
  });
});
