// Renderer input is untrusted: every IPC argument list is checked here as `unknown`.
import { AppError } from '../core/errors.ts';

export function invalidArgument(detail: string): AppError {
  return new AppError(
    'invalid_argument',
    `Meeting Tray received a request it cannot accept (${detail}). Restart the app if this keeps happening.`,
  );
}

export function expectNoArgs(args: unknown): void {
  if (!Array.isArray(args)) throw invalidArgument('arguments must be a list');
  if (args.length !== 0) throw invalidArgument('no arguments expected');
}

/** Exactly one non-empty string of at most `maxLength` characters. */
export function expectOneString(args: unknown, maxLength: number): string {
  if (!Array.isArray(args)) throw invalidArgument('arguments must be a list');
  if (args.length !== 1) throw invalidArgument('exactly one argument expected');
  const [value] = args as unknown[];
  if (typeof value !== 'string') throw invalidArgument('text expected');
  if (value.length === 0) throw invalidArgument('empty text');
  if (value.length > maxLength) throw invalidArgument(`longer than ${maxLength} characters`);
  return value;
}
