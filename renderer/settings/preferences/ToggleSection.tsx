import { useId, type ReactNode } from 'react';

/** One on/off preference as a Settings section: a title and a checkbox main keeps in step. */
export function ToggleSection({
  title,
  name,
  label,
  checked,
  pending,
  onToggle,
  children,
}: {
  title: string;
  /** The test id is `pref-<name>`. */
  name: string;
  label: string;
  checked: boolean;
  pending: boolean;
  onToggle: (checked: boolean) => void;
  children?: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className="settings-section" aria-labelledby={titleId} data-testid={`pref-${name}`}>
      <h3 id={titleId} className="settings-section__title">
        {title}
      </h3>
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          disabled={pending}
          aria-busy={pending}
          onChange={(event) => onToggle(event.target.checked)}
        />
        {label}
      </label>
      {children}
    </section>
  );
}
