/** Purely visual: the surrounding text or aria-busy says what is happening. */
export function Spinner({ size = 'small' }: { size?: 'small' | 'large' }) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
}
