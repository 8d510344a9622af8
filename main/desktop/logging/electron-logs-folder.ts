// Where Electron keeps this app's logs, and opening that folder in the file manager.
import type { App, Shell } from 'electron';

export type LogsFolderApp = Pick<App, 'getPath'>;

/**
 * The OS log folder for the app: `~/Library/Logs/Meeting Tray` on macOS, `logs` inside the
 * app's data folder on Linux (`~/.config/Meeting Tray/logs`) and Windows
 * (`%APPDATA%\Meeting Tray\logs`). Electron creates it on first ask.
 */
export function electronLogsFolder(app: LogsFolderApp): string {
  return app.getPath('logs');
}

/** Opens `folder` in Finder, Explorer or the file manager; rejects with the OS's reason. */
export function createLogsFolderOpener(
  shell: Pick<Shell, 'openPath'>,
  folder: string,
): () => Promise<void> {
  return async () => {
    // openPath resolves with an error message, or '' when the folder was opened.
    const problem = await shell.openPath(folder);
    if (problem) throw new Error(problem);
  };
}
