import type { PreferenceChange, Result, SettingsView } from '../../../preload/contract.ts';
import type { ScreenContext } from '../../session/screen-context.ts';
import { useAction, type Failure } from '../../session/use-action.ts';

/**
 * Sends one preference change to main, which applies, stores and pushes the new view; the
 * sections render only what main pushed. `onFailure` defaults to the screen's feedback.
 */
export function usePreference(
  { api, onFailure }: Pick<ScreenContext, 'api' | 'onFailure'>,
  failure: (failure: Failure) => void = onFailure,
): {
  set: (change: PreferenceChange) => Promise<Result<SettingsView>>;
  pending: boolean;
} {
  const { run, pending } = useAction(api.setPreference, failure);
  return { set: run, pending };
}
