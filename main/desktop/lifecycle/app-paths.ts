import * as nodePath from 'node:path';

export interface AppPaths {
  /** The sandboxed preload bundle. */
  preload: string;
  /** The built renderer, served over app://. */
  renderer: string;
  /** Icons; once packaged, they are copied to the app's resources (electron-builder.yml). */
  assets: string;
}

type PathApi = Pick<typeof nodePath, 'basename' | 'dirname' | 'join'>;

/**
 * The app's root from the folder of the running main bundle. Built, that is `<root>/dist/main`
 * however Electron was started (`electron .`, `electron dist/main/index.cjs`, or packaged, where
 * `<root>` is `…/resources/app.asar`); the composition-root test runs the sources, from
 * `<root>/main`. Electron's `app.getAppPath()` is no help: it is wherever the launch pointed.
 */
export function appRootOf(mainDir: string, path: PathApi = nodePath): string {
  const parent = path.dirname(mainDir);
  const built = path.basename(mainDir) === 'main' && path.basename(parent) === 'dist';
  return built ? path.dirname(parent) : parent;
}

/** Where the built app's files are, from the main bundle's own folder (`__dirname`). */
export function appPaths(
  mainDir: string,
  runtime: { isPackaged: boolean; resourcesPath: string },
  path: PathApi = nodePath,
): AppPaths {
  const root = appRootOf(mainDir, path);
  return {
    preload: path.join(root, 'dist', 'preload', 'index.cjs'),
    renderer: path.join(root, 'dist', 'renderer'),
    assets: runtime.isPackaged
      ? path.join(runtime.resourcesPath, 'assets')
      : path.join(root, 'assets'),
  };
}
