import type { Logger } from '../core/ports.ts';
import { redactFields, redactText } from './redact.ts';

type Level = 'info' | 'warn' | 'error';

/** One JSON line per entry, redacted, written to `sink` (stderr by default). */
export function createConsoleLogger(
  options: { sink?: (line: string) => void; now?: () => number } = {},
): Logger {
  const sink = options.sink ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? Date.now;
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    const entry = {
      time: new Date(now()).toISOString(),
      level,
      message: redactText(message),
      ...(fields ? (redactFields(fields) as object) : {}),
    };
    sink(JSON.stringify(entry));
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
