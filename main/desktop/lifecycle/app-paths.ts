import { join } from 'node:path';

export interface AppPaths {
  /** The sandboxed preload bundle. */
  preload: string;
  /** The built renderer, served over app://. */
  renderer: string;
  /** Icons; once packaged, the tray's are copied to the app's resources (electron-builder.yml). */
  assets: string;
}

/** Where the built app's files are, from Electron's app and the process it runs in. */
export function appPaths(
  app: { getAppPath(): string; isPackaged: boolean },
  process: { resourcesPath: string },
): AppPaths {
  const root = app.getAppPath();
  return {
    preload: join(root, 'dist/preload/index.cjs'),
    renderer: join(root, 'dist/renderer'),
    assets: app.isPackaged ? join(process.resourcesPath, 'assets') : join(root, 'assets'),
  };
}
