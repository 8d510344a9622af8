import { useEffect } from 'react';
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
 * announced); errors are alerts, announced as they appear.
 */
export function FeedbackRegion({ message, quiet, onDismiss }: FeedbackRegionProps) {
  const transientId = message?.transient ? message.id : null;
  useEffect(() => {
    if (transientId === null) return;
    // The one timer in the window, and not a clock: it only takes a message away.
    const timer = setTimeout(() => onDismiss(transientId), SUCCESS_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [transientId, onDismiss]);

  const toast = message ? <Toast message={message} onDismiss={onDismiss} /> : null;
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
}: {
  message: FeedbackMessage;
  onDismiss: (id: number) => void;
}) {
  return (
    <div
      className={`toast toast--${message.tone}`}
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
