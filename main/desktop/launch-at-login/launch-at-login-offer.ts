import type { SessionState } from '../../../preload/contract.ts';
import type { SettingsStore } from '../../core/ports.ts';
import { ShellSetting } from '../settings/settings-keys.ts';

/**
 * Launch at login is off by default and offered once, right after the first sign-in, when the
 * person has just shown they want the app. "Offered" is saved before asking, so a crash while
 * the dialog is open cannot make it ask again.
 */
export function createLaunchAtLoginOffer(deps: {
  settings: SettingsStore;
  ask: () => Promise<boolean>;
  enable: () => Promise<void>;
  onError?: (error: unknown) => void;
}) {
  let asking = false;
  return {
    async onSession(state: SessionState): Promise<void> {
      if (state.kind !== 'signed-in' || asking) return;
      if (deps.settings.get<boolean>(ShellSetting.launchAtLoginOffered) === true) return;
      asking = true;
      deps.settings.set(ShellSetting.launchAtLoginOffered, true);
      try {
        if (await deps.ask()) {
          await deps.enable();
          deps.settings.set(ShellSetting.launchAtLoginEnabled, true);
        }
      } catch (error) {
        deps.onError?.(error);
      } finally {
        asking = false;
      }
    },
  };
}
