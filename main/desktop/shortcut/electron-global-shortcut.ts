import type { GlobalShortcut } from 'electron';
import type { ShortcutRegistry } from './shortcut-model.ts';

/**
 * Electron's globalShortcut as the model's registry. `register` answers false when another app
 * holds the keys; it throws on an accelerator it cannot parse, which counts as refused too.
 */
export function createGlobalShortcutRegistry(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
): ShortcutRegistry {
  return {
    register(accelerator, onPress) {
      try {
        return globalShortcut.register(accelerator, onPress);
      } catch {
        return false;
      }
    },
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
  };
}
