import type { Logger } from '../../../main/core/ports.ts';

/** A Logger that records lines, so tests can assert what was (and was not) logged. */
export function createRecordingLogger() {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const logger: Logger & { lines: typeof lines } = {
    info: (message, fields) => void lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => void lines.push({ level: 'error', message, fields }),
    lines,
  };
  return logger;
}
