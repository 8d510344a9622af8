import type { ClockChoice } from '../../../preload/contract.ts';
import type { ScreenContext } from '../../session/screen-context.ts';
import { ChoiceSection } from './ChoiceSection.tsx';
import { usePreference } from './use-preference.ts';

const CHOICES: ReadonlyArray<{ value: ClockChoice; label: string }> = [
  { value: 'system', label: 'As my system' },
  { value: '12h', label: '12-hour (2:05 PM)' },
  { value: '24h', label: '24-hour (14:05)' },
];

/** How times are written in the window, the tray and reminders; they follow at once. */
export function ClockSection({
  value,
  ...context
}: Pick<ScreenContext, 'api' | 'onFailure'> & { value: ClockChoice }) {
  const { set, pending } = usePreference(context);
  return (
    <ChoiceSection
      title="Clock"
      name="clock"
      choices={CHOICES}
      value={value}
      pending={pending}
      onChoose={(clock) => void set({ key: 'clock', value: clock })}
    />
  );
}
