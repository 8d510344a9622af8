import { useEffect, useState } from 'react';
import type { FeedbackMessage } from '../session/feedback.ts';

/** How long a success stays: long enough to read twice, short enough not to pile up. */
export const SUCCESS_VISIBLE_MS = 6_000;

interface FeedbackRegionProps {
  message: FeedbackMessage | null;
  /** Announced to screen readers only (a quiet result such as a cancelled sign-in). */
  quiet: string | null;
  onDismiss: (id: number) => void;
}

/**
 * Results of actions, as a toast that sticks to the bottom of the window, so it is in view
 * wherever the person scrolled to press the button (not after a long list). Successes, notes and
 * warnings are read politely from a live region that is always in the page (so the change is
 * announced); errors are alerts, announced as they appear. A success leaves by itself after a
 * few seconds, but not while the pointer or focus rests on it.
 */
export function FeedbackRegion({ message, quiet, onDismiss }: FeedbackRegionProps) {
  // While the pointer or focus is on the toast it stays (time to read it is the person's).
  // Kept per message, so a toast that left while held does not hold the next one.
  const [heldId, setHeldId] = useState<number | null>(null);
  const transientId = message?.transient && heldId !== message.id ? message.id : null;
  useEffect(() => {
    if (transientId === null) return;
    // The one timer in the window, and not a clock: it only takes a message away.
    const timer = setTimeout(() => onDismiss(transientId), SUCCESS_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [transientId, onDismiss]);

  const toast = message ? (
    <Toast
      message={message}
      onDismiss={onDismiss}
      onHold={(held) => setHeldId(held ? message.id : null)}
    />
  ) : null;
  return (
    <div className="feedback">
      <div className="feedback__polite" role="status" aria-live="polite" aria-atomic="true">
        {message && message.tone !== 'error' ? toast : null}
        {quiet ? <span className="visually-hidden">{quiet}</span> : null}
      </div>
      {message?.tone === 'error' ? (
        <div className="feedback__alert" role="alert" aria-atomic="true">
          {toast}
        </div>
      ) : null}
    </div>
  );
}

function Toast({
  message,
  onDismiss,
  onHold,
}: {
  message: FeedbackMessage;
  onDismiss: (id: number) => void;
  onHold: (held: boolean) => void;
}) {
  return (
    <div
      className={`toast toast--${message.tone}`}
      onMouseEnter={() => onHold(true)}
      onMouseLeave={() => onHold(false)}
      onFocus={() => onHold(true)}
      onBlur={() => onHold(false)}
      data-testid={message.source === 'sign-out' ? 'sign-out-message' : 'feedback'}
      data-tone={message.tone}
    >
      <div className="toast__body">
        {message.title ? <p className="toast__title">{message.title}</p> : null}
        <p>{message.text}</p>
        {message.detail ? <p className="toast__detail">{message.detail}</p> : null}
      </div>
      {message.transient ? null : (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onDismiss(message.id)}
        >
          Dismiss
        </button>
      )}
    </div>
  );
}
