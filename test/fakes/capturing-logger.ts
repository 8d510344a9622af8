import type { Logger } from '../../main/core/ports.ts';

/** A Logger that keeps every entry, so tests can search the output for secrets. */
export function createCapturingLogger() {
  const lines: string[] = [];
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...fields }));
  };
  const logger: Logger & { lines: string[]; text(): string } = {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    lines,
    text: () => lines.join('\n'),
  };
  return logger;
}
