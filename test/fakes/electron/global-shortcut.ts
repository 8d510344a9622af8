import type { GlobalShortcut } from 'electron';

/**
 * Electron's globalShortcut as the OS would answer: keys held by another app (`takenByOthers`)
 * are refused with false, a malformed accelerator throws as Electron's does, and a test can
 * "press" what is registered.
 */
export class FakeGlobalShortcut implements Pick<
  GlobalShortcut,
  'register' | 'unregister' | 'isRegistered' | 'unregisterAll'
> {
  readonly takenByOthers = new Set<string>();
  private readonly registered = new Map<string, () => void>();
  /** Every register call, in order, with its answer. */
  readonly attempts: Array<{ accelerator: string; ok: boolean }> = [];

  register(accelerator: string, callback: () => void): boolean {
    if (!/^[A-Za-z]+(\+[A-Za-z0-9]+)*$/u.test(accelerator))
      throw new TypeError(
        `Error processing argument at index 0, conversion failure from ${accelerator}`,
      );
    const ok = !this.takenByOthers.has(accelerator) && !this.registered.has(accelerator);
    this.attempts.push({ accelerator, ok });
    if (ok) this.registered.set(accelerator, callback);
    return ok;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  isRegistered(accelerator: string): boolean {
    return this.registered.has(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  /** What is registered now. */
  active(): string[] {
    return [...this.registered.keys()];
  }
  /** A key press: runs the callback; false when nothing is registered for those keys. */
  press(accelerator: string): boolean {
    const callback = this.registered.get(accelerator);
    callback?.();
    return callback !== undefined;
  }
}
