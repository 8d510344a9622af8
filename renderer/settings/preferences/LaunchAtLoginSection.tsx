import type { ScreenContext } from '../../session/screen-context.ts';
import { ToggleSection } from './ToggleSection.tsx';
import { usePreference } from './use-preference.ts';

/** Start at login, on or off at any time; checked is the system's own answer. */
export function LaunchAtLoginSection({
  value,
  ...context
}: Pick<ScreenContext, 'api' | 'onFailure'> & { value: boolean }) {
  const { set, pending } = usePreference(context);
  return (
    <ToggleSection
      title="Launch at login"
      name="launch-at-login"
      label="Start Meeting Tray when I log in"
      checked={value}
      pending={pending}
      onToggle={(enabled) => void set({ key: 'launchAtLogin', value: enabled })}
    >
      <p className="field__hint">It starts in the tray, with the window closed.</p>
    </ToggleSection>
  );
}
