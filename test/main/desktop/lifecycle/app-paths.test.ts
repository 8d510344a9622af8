// The app finds its preload, renderer and icons from the main bundle's own folder, so the way
// Electron was launched (which sets app.getAppPath()) no longer matters.
import { existsSync } from 'node:fs';
import { join, posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, appRootOf } from '../../../../main/desktop/lifecycle/app-paths.ts';

const checkout = { isPackaged: false, resourcesPath: '/usr/lib/electron/resources' };

describe('appPaths', () => {
  it('`electron .` and `electron dist/main/index.cjs` run the same bundle: same paths', () => {
    // Both load /home/ada/meeting tray/dist/main/index.cjs; only app.getAppPath() differs
    // (the project, or dist/main), and it is not consulted.
    expect(appPaths('/home/ada/meeting tray/dist/main', checkout, posix)).toEqual({
      preload: '/home/ada/meeting tray/dist/preload/index.cjs',
      renderer: '/home/ada/meeting tray/dist/renderer',
      assets: '/home/ada/meeting tray/assets',
    });
  });

  it('packaged: the build inside app.asar, the icons in resources', () => {
    const packaged = { isPackaged: true, resourcesPath: '/opt/Meeting Tray/resources' };
    expect(appPaths('/opt/Meeting Tray/resources/app.asar/dist/main', packaged, posix)).toEqual({
      preload: '/opt/Meeting Tray/resources/app.asar/dist/preload/index.cjs',
      renderer: '/opt/Meeting Tray/resources/app.asar/dist/renderer',
      assets: '/opt/Meeting Tray/resources/assets',
    });
  });

  it('packaged on Windows, with drive letters and backslashes', () => {
    const resources = 'C:\\Users\\Ada\\AppData\\Local\\Programs\\Meeting Tray\\resources';
    const packaged = { isPackaged: true, resourcesPath: resources };
    expect(appPaths(`${resources}\\app.asar\\dist\\main`, packaged, win32)).toEqual({
      preload: `${resources}\\app.asar\\dist\\preload\\index.cjs`,
      renderer: `${resources}\\app.asar\\dist\\renderer`,
      assets: `${resources}\\assets`,
    });
  });

  it('the sources (main/index.ts under Vitest) resolve to the same checkout', () => {
    expect(appRootOf('/src/app/main', posix)).toBe('/src/app');
    expect(appRootOf('/src/app/dist/main', posix)).toBe('/src/app');
  });

  it('from this checkout, the paths name files the build really writes', () => {
    const root = join(import.meta.dirname, '../../../..');
    const paths = appPaths(join(root, 'dist', 'main'), checkout);
    expect(paths.assets).toBe(join(root, 'assets'));
    expect(existsSync(join(paths.assets, 'trayTemplate.png'))).toBe(true);
    expect(paths.preload).toBe(join(root, 'dist', 'preload', 'index.cjs'));
  });
});
