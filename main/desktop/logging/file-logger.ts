// The app's log file: electron-log's file transport, rotated at about 1 MiB into one
// `main.old.log`, readable by this user only, every line redacted. Node-only (electron-log/node),
// so it is tested under Node; install-logging.ts gives it Electron's logs folder.
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import type { Logger } from '../../core/ports.ts';
import { redactLogMessage } from './log-redaction-hook.ts';

export const LOG_FILE_NAME = 'main.log';
const APP_NAME = 'Meeting Tray';
/** electron-log's own default, kept explicit: about a week of an ordinary app's lines. */
export const LOG_FILE_MAX_BYTES = 1024 ** 2;

export interface FileLogger {
  logger: Logger;
  /** The current log file; the rotated one is `main.old.log` beside it. */
  file: string;
}

/**
 * A Logger that appends to `<directory>/main.log`, and also prints to the console when `echo`
 * is set (a developer running `npm start` reads it there).
 */
export function createFileLogger(options: {
  directory: string;
  echo?: boolean;
  maxBytes?: number;
}): FileLogger {
  const file = join(options.directory, LOG_FILE_NAME);
  // A logger of our own: the module's default instance is shared with anything else that loads it.
  const log = electronLog.create({ logId: `meeting-tray:${file}` });
  const transport = log.transports.file;
  transport.resolvePathFn = () => file;
  // Named here so electron-log never goes looking for a package.json to name the app by.
  transport.setAppName(APP_NAME);
  transport.maxSize = options.maxBytes ?? LOG_FILE_MAX_BYTES;
  transport.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  // One line per entry, so a line is an entry when someone greps the file.
  transport.inspectOptions = { depth: 5, breakLength: Infinity };
  transport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  log.transports.console.level = options.echo ? 'info' : false;
  // Nothing else: no copies to windows over IPC, none over the network. (electron-log leaves
  // the IPC transport out where Electron is absent, whatever its types say.)
  for (const name of ['ipc', 'remote'] as const) {
    const other: { level: false | string } | undefined = log.transports[name];
    if (other) other.level = false;
  }
  log.hooks.push(redactLogMessage);
  const write =
    (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
      if (fields) log[level](message, fields);
      else log[level](message);
    };
  return { logger: { info: write('info'), warn: write('warn'), error: write('error') }, file };
}
