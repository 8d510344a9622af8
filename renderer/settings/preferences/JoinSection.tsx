import type { JoinChoice } from '../../../preload/contract.ts';
import type { ScreenContext } from '../../session/screen-context.ts';
import { ChoiceSection } from './ChoiceSection.tsx';
import { usePreference } from './use-preference.ts';

const CHOICES: ReadonlyArray<{ value: JoinChoice; label: string }> = [
  { value: 'app', label: 'Zoom app' },
  { value: 'browser', label: 'Browser' },
];

/** Where Join (window, tray, reminders, the shortcut) opens a meeting. */
export function JoinSection({
  value,
  ...context
}: Pick<ScreenContext, 'api' | 'onFailure'> & { value: JoinChoice }) {
  const { set, pending } = usePreference(context);
  return (
    <ChoiceSection
      title="Open meetings in"
      name="join"
      choices={CHOICES}
      value={value}
      pending={pending}
      onChoose={(joinIn) => void set({ key: 'joinIn', value: joinIn })}
    >
      <p className="field__hint">Without the Zoom app installed, meetings open in the browser.</p>
    </ChoiceSection>
  );
}
