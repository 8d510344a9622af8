import type { LogMessage } from 'electron-log';
import { redactFields } from '../../node/redact.ts';

/**
 * electron-log's hook for every transport: the same redaction as the console logger (a second
 * line of defence; callers must not log secrets at all). It returns a new message, as hooks must:
 * electron-log copies only the data array, not what is in it.
 */
export function redactLogMessage(message: LogMessage): LogMessage {
  return { ...message, data: message.data.map((item: unknown) => redactFields(item)) };
}
