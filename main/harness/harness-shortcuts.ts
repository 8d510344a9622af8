/**
 * The browser harness's stand-in for the operating system's global shortcut registry, so the
 * Settings section's shortcut runs the app's own model (main/desktop/shortcut/) end to end: keys
 * named by `MEETING_TRAY_HARNESS_TAKEN_SHORTCUT` are "held by another app" and refused, as
 * Electron's globalShortcut.register refuses them; in test mode a spec "presses" a registered
 * shortcut through a /__test/ route.
 */
import type { ShortcutRegistry } from '../desktop/shortcut/shortcut-model.ts';

export interface HarnessShortcuts extends ShortcutRegistry {
  /** Runs the shortcut's action as a key press would; false when those keys are not registered. */
  press(accelerator: string): boolean;
  registered(): string[];
}

export function createHarnessShortcuts(taken: string | undefined): HarnessShortcuts {
  const registered = new Map<string, () => void>();
  return {
    register(accelerator, onPress) {
      if (accelerator === taken || registered.has(accelerator)) return false;
      registered.set(accelerator, onPress);
      return true;
    },
    unregister: (accelerator) => void registered.delete(accelerator),
    press(accelerator) {
      const onPress = registered.get(accelerator);
      onPress?.();
      return onPress !== undefined;
    },
    registered: () => [...registered.keys()],
  };
}
