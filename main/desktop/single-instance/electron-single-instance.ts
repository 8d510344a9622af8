import type { App } from 'electron';

/**
 * Keeps one running copy. Returns false in the second copy, which should quit at once; in the
 * first, a later launch is reported with its argv (which may carry a deep link on Windows/Linux).
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock'> & {
    on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  },
  onSecondInstance: (argv: readonly string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => onSecondInstance(Array.isArray(argv) ? argv : []));
  return true;
}
