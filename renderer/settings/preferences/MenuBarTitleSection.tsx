import type { PreferencesView } from '../../../preload/contract.ts';
import type { ScreenContext } from '../../session/screen-context.ts';
import { ToggleSection } from './ToggleSection.tsx';
import { usePreference } from './use-preference.ts';

/** macOS: the next meeting's time beside the tray icon. Not shown where there is no menu bar. */
export function MenuBarTitleSection({
  value,
  ...context
}: Pick<ScreenContext, 'api' | 'onFailure'> & { value: PreferencesView['menuBarTitle'] }) {
  const { set, pending } = usePreference(context);
  if (value.shown === 'hidden') return null;
  return (
    <ToggleSection
      title="Menu bar"
      name="menu-bar-title"
      label="Show the next meeting beside the menu-bar icon"
      checked={value.enabled}
      pending={pending}
      onToggle={(enabled) => void set({ key: 'menuBarTitle', value: enabled })}
    >
      {value.shown === 'preview' ? (
        <p className="field__hint" data-testid="menu-bar-title-preview">
          Only macOS has a menu-bar title; on this system the choice is kept but shows nothing.
        </p>
      ) : null}
    </ToggleSection>
  );
}
