import type { GlobalShortcut } from 'electron';
import type { SettingsStore } from '../../core/ports.ts';
import type { ShellSession } from '../coordinator/shell-coordinator.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import { storedPreference, type Preferences } from '../settings/preferences.ts';
import { createGlobalShortcutRegistry } from './electron-global-shortcut.ts';
import { createJoinNext } from './join-next.ts';
import type { JoinNextInbox } from './join-next-argv.ts';
import { createJoinNextShortcut, type JoinNextShortcut } from './shortcut-model.ts';

/**
 * "Join the next meeting" from anywhere: the global shortcut chosen in Settings (off by
 * default; registered once ready, released on change and on quit) and `--join-next` from a
 * second launch, for desktops where global shortcuts do not reach apps (Wayland). Both open the
 * meeting with the tray's join opener. Call once ready and after the session exists.
 */
export function installShortcut(
  deps: DesktopContext & {
    globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
    preferences: Pick<Preferences, 'attach' | 'changed'>;
    settings: Pick<SettingsStore, 'get'>;
    session: Pick<ShellSession, 'getState'>;
    openJoinLink: (url: string) => Promise<void>;
    showWindow: () => void;
    /** `--join-next` launches (this one's and later ones'), collected since before ready. */
    joinNextRequests: JoinNextInbox;
  },
): JoinNextShortcut {
  const joinNext = createJoinNext({
    getState: () => deps.session.getState(),
    clock: deps.clock,
    open: deps.openJoinLink,
    showWindow: deps.showWindow,
    logger: deps.logger,
  });
  const shortcut = createJoinNextShortcut({
    registry: createGlobalShortcutRegistry(deps.globalShortcut),
    onPress: () => void joinNext(),
    logger: deps.logger,
  });
  deps.teardown.add(deps.preferences.attach('shortcut', shortcut));
  // Released on quit (teardown runs newest first, so before anything it depends on).
  deps.teardown.add(() => shortcut.dispose());
  try {
    shortcut.apply(storedPreference(deps.settings, 'shortcut'));
  } catch {
    // Taken at start-up: the choice is kept for the next start, and the section says why it is off.
    deps.preferences.changed();
  }
  deps.joinNextRequests.open(() => void joinNext());
  return shortcut;
}
