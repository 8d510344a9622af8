import { useId, type ReactNode } from 'react';

export interface Choice<V> {
  value: V;
  label: string;
}

/**
 * One preference as a Settings section: a title and a group of radio buttons. The checked one
 * is what main last pushed; a click asks main to change it.
 */
export function ChoiceSection<V extends string | number>({
  title,
  name,
  choices,
  value,
  pending,
  onChoose,
  children,
}: {
  title: string;
  /** Names the radio group and its test id (`pref-<name>`). */
  name: string;
  choices: readonly Choice<V>[];
  value: V;
  pending: boolean;
  onChoose: (value: V) => void;
  /** A line under the choices: what the setting affects. */
  children?: ReactNode;
}) {
  const titleId = useId();
  const groupName = useId();
  return (
    <section className="settings-section" aria-labelledby={titleId} data-testid={`pref-${name}`}>
      <fieldset className="choice-group" disabled={pending} aria-busy={pending}>
        <legend id={titleId} className="settings-section__title">
          {title}
        </legend>
        {choices.map((choice) => (
          <label key={String(choice.value)} className="choice">
            <input
              type="radio"
              name={groupName}
              value={String(choice.value)}
              checked={value === choice.value}
              onChange={() => onChoose(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      {children}
    </section>
  );
}
