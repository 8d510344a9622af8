import { useId, useState } from 'react';
import type { Notice, PreferencesView, ShortcutChoice } from '../../../preload/contract.ts';
import {
  isShortcutChoice,
  SHORTCUT_CHOICES,
  shortcutLabel,
} from '../../../preload/shared/preferences.ts';
import { errorCopy } from '../../copy/error-copy.ts';
import type { ScreenContext } from '../../session/screen-context.ts';
import { usePreference } from './use-preference.ts';

const OFF = 'off';

/**
 * The global shortcut that joins the next meeting: off by default. A shortcut another app holds
 * is refused (`shortcut_taken`) and the reason is shown here, beside the choice, not as a toast.
 */
export function ShortcutSection({
  value,
  ...context
}: Pick<ScreenContext, 'api' | 'onFailure'> & { value: PreferencesView['shortcut'] }) {
  const titleId = useId();
  const selectId = useId();
  const problemId = useId();
  const [refused, setRefused] = useState<Notice | null>(null);
  const { set, pending } = usePreference(context, (failure) =>
    failure.code === 'shortcut_taken' ? setRefused(failure) : context.onFailure(failure),
  );
  const problem = refused ?? value.problem;
  const choose = async (raw: string) => {
    const next: ShortcutChoice | null = isShortcutChoice(raw) ? raw : null;
    const result = await set({ key: 'shortcut', value: next });
    if (result.ok) setRefused(null);
  };
  return (
    <section className="settings-section" aria-labelledby={titleId} data-testid="pref-shortcut">
      <h3 id={titleId} className="settings-section__title">
        Join shortcut
      </h3>
      <div className="field">
        <label htmlFor={selectId}>Keys that join the current or next meeting from any app</label>
        <select
          id={selectId}
          className="field__input"
          value={value.accelerator ?? OFF}
          disabled={pending}
          aria-busy={pending}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => void choose(event.target.value)}
        >
          <option value={OFF}>Off</option>
          {SHORTCUT_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {shortcutLabel(choice, value.macKeys)}
            </option>
          ))}
        </select>
        {problem ? (
          <p id={problemId} className="field__problem" role="alert" data-testid="shortcut-problem">
            {errorCopy(problem.code).title}. {errorCopy(problem.code).action}
          </p>
        ) : null}
        <p className="field__hint">
          On Linux with Wayland, apps often cannot have global shortcuts: bind the command{' '}
          <code>meeting-tray --join-next</code> to keys in your desktop&apos;s keyboard settings
          instead.
        </p>
      </div>
    </section>
  );
}
