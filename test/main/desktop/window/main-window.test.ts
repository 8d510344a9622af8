import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../../../main/desktop/window/electron-main-window.ts';
import { mainWindowOptions } from '../../../../main/desktop/window/electron-window-options.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createRecordingLogger } from '../test-logger.ts';

function setup() {
  const electron = createFakeElectron();
  const clock = createFakeClock();
  const window = createMainWindow({
    BrowserWindow: electron.BrowserWindow,
    preloadPath: '/app/dist/preload/index.cjs',
    clock,
    logger: createRecordingLogger(),
  });
  return { electron, clock, window };
}

describe('window options (security checklist 2–4, 6, 8–11)', () => {
  it('isolates and sandboxes the renderer with every security preference explicit', () => {
    const prefs = mainWindowOptions({ preloadPath: '/p.cjs' }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('main window', () => {
  it('creates the window on first show and loads the app over app://, never file:// or the web', async () => {
    const { electron, window } = setup();
    expect(electron.windows).toHaveLength(0);
    window.show();
    expect(electron.windows).toHaveLength(1);
    const [win] = electron.windows;
    expect(win?.loadedUrls).toEqual(['app://renderer/index.html']);
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true },
    });
    win?.emit('ready-to-show');
    expect(win?.visible).toBe(true);
  });

  it('hides instead of closing, and reuses the window on the next show', () => {
    const { electron, window } = setup();
    window.show();
    const win = electron.windows[0]!;
    win.emit('ready-to-show');
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.visible).toBe(false);
    window.show();
    expect(electron.windows).toHaveLength(1);
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(true);
  });

  it('destroys the window after five hidden minutes and creates a fresh one on demand', async () => {
    const { electron, clock, window } = setup();
    window.show();
    const win = electron.windows[0]!;
    win.emit('ready-to-show');
    win.close();
    await clock.advance(4 * 60_000);
    expect(win.destroyed).toBe(false);
    await clock.advance(60_000);
    expect(win.destroyed).toBe(true);
    expect(window.current()).toBeNull();
    window.show();
    expect(electron.windows).toHaveLength(2);
  });

  it('does not destroy a window that was shown again', async () => {
    const { electron, clock, window } = setup();
    window.show();
    const win = electron.windows[0]!;
    win.emit('ready-to-show');
    win.close();
    await clock.advance(60_000);
    window.show();
    await clock.advance(10 * 60_000);
    expect(win.destroyed).toBe(false);
  });

  it('really closes when quitting', () => {
    const { electron, window } = setup();
    window.show();
    window.allowClose();
    electron.windows[0]!.close();
    expect(electron.windows[0]!.destroyed).toBe(true);
  });

  it('tells listeners when it is shown, hidden and destroyed, until they unsubscribe', async () => {
    const { electron, clock, window } = setup();
    const seen: boolean[] = [];
    const stop = window.onVisibilityChange((visible) => seen.push(visible));
    window.show();
    const win = electron.windows[0]!;
    win.emit('ready-to-show');
    win.close();
    await clock.advance(5 * 60_000);
    expect(win.destroyed).toBe(true);
    expect(seen).toEqual([true, false, false]);
    stop();
    window.show();
    electron.windows[1]!.emit('ready-to-show');
    expect(seen).toEqual([true, false, false]);
  });
});
