/**
 * The global "join the next meeting" shortcut as a preference: off by default, one accelerator
 * at a time, the old one released before the new one is claimed, and a refusal (another app
 * holds the keys, or the system does not allow it) leaves it off with a `shortcut_taken` error
 * the Settings section shows. Pure: the registry is Electron's globalShortcut behind an adapter.
 */
import type { Notice, ShortcutChoice } from '../../../preload/contract.ts';
import { AppError } from '../../core/errors.ts';
import type { Logger } from '../../core/ports.ts';

/** The slice of a global shortcut registry the model uses (electron-global-shortcut.ts). */
export interface ShortcutRegistry {
  /** False when the keys could not be claimed. */
  register(accelerator: string, onPress: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface JoinNextShortcut {
  /** Registers `next` (null: none) in place of the current one; throws AppError('shortcut_taken'). */
  apply(next: ShortcutChoice | null): void;
  /** What is registered now; null for none. */
  current(): ShortcutChoice | null;
  /** Why no shortcut is registered though one was chosen; null when nothing went wrong. */
  problem(): Notice | null;
  /** Releases the registered shortcut (quit). */
  dispose(): void;
}

export function takenNotice(accelerator: string): Notice {
  return {
    code: 'shortcut_taken',
    message: `${accelerator} is already used by another app or by your system, so the shortcut is off.`,
  };
}

export function createJoinNextShortcut(deps: {
  registry: ShortcutRegistry;
  onPress: () => void;
  logger: Logger;
}): JoinNextShortcut {
  let active: ShortcutChoice | null = null;
  let problem: Notice | null = null;

  const release = () => {
    if (active === null) return;
    deps.registry.unregister(active);
    active = null;
  };

  return {
    apply(next) {
      if (next === active) return;
      release();
      problem = null;
      if (next === null) return;
      if (!deps.registry.register(next, deps.onPress)) {
        problem = takenNotice(next);
        deps.logger.warn('the join-next shortcut could not be registered', { accelerator: next });
        throw new AppError(problem.code, problem.message);
      }
      active = next;
      deps.logger.info('the join-next shortcut is registered', { accelerator: next });
    },
    current: () => active,
    problem: () => problem,
    dispose: release,
  };
}
