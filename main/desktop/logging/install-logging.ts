// The app's logger: a rotating, redacted file in the OS log folder (README: "Logs"), echoed to
// the console when run from a checkout. Installed first, before ready, so every other installer
// logs into the file. The browser harness keeps its console logger.
import type { Shell } from 'electron';
import type { Logger } from '../../core/ports.ts';
import {
  createLogsFolderOpener,
  electronLogsFolder,
  type LogsFolderApp,
} from './electron-logs-folder.ts';
import { createFileLogger } from './file-logger.ts';

export interface AppLogging {
  logger: Logger;
  /** The folder holding main.log and main.old.log. */
  folder: string;
  /** Settings' "Open logs folder". */
  openFolder: () => Promise<void>;
}

export function installLogging(deps: {
  app: LogsFolderApp & { readonly isPackaged: boolean };
  shell: Pick<Shell, 'openPath'>;
}): AppLogging {
  const folder = electronLogsFolder(deps.app);
  const { logger } = createFileLogger({ directory: folder, echo: !deps.app.isPackaged });
  return { logger, folder, openFolder: createLogsFolderOpener(deps.shell, folder) };
}
