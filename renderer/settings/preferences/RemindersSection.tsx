import type { ReminderLeadChoice } from '../../../preload/contract.ts';
import { REMINDER_LEAD_CHOICES } from '../../../preload/shared/preferences.ts';
import type { ScreenContext } from '../../session/screen-context.ts';
import { ChoiceSection } from './ChoiceSection.tsx';
import { usePreference } from './use-preference.ts';

function leadLabel(lead: ReminderLeadChoice): string {
  if (lead === 'off') return 'Off';
  if (lead === 0) return 'When it starts';
  return lead === 1 ? '1 minute before' : `${lead} minutes before`;
}

const CHOICES = REMINDER_LEAD_CHOICES.map((value) => ({ value, label: leadLabel(value) }));

/** When a meeting's notification appears; a change re-plans the reminders already pending. */
export function RemindersSection({
  value,
  ...context
}: Pick<ScreenContext, 'api' | 'onFailure'> & { value: ReminderLeadChoice }) {
  const { set, pending } = usePreference(context);
  return (
    <ChoiceSection
      title="Reminders"
      name="reminders"
      choices={CHOICES}
      value={value}
      pending={pending}
      onChoose={(lead) => void set({ key: 'reminderLead', value: lead })}
    />
  );
}
