import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AutostartFiles } from './electron-launch-at-login.ts';

/** The Linux autostart entry on the real file system (UTF-8; removing a missing file is fine). */
export function createAutostartFiles(): AutostartFiles {
  return {
    writeFile: (path, content) => writeFile(path, content, 'utf8'),
    removeFile: (path) => rm(path, { force: true }),
    exists: (path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    makeDir: (path) => mkdir(path, { recursive: true }).then(() => undefined),
  };
}
