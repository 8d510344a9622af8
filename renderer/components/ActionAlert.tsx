import type { Failure } from '../session/use-action.ts';
import { errorCopy } from '../copy/error-copy.ts';

interface ActionAlertProps {
  failure: Failure;
  onDismiss: () => void;
}

/** A failed action, explained per code; role="alert" so it is announced as it appears. */
export function ActionAlert({ failure, onDismiss }: ActionAlertProps) {
  const copy = errorCopy(failure.code);
  return (
    <div className="notice notice--error" role="alert">
      <div className="notice__body">
        <p className="notice__title">{copy.title}</p>
        <p>{copy.action}</p>
        {failure.message && failure.message !== copy.action ? (
          <p className="notice__detail">{failure.message}</p>
        ) : null}
      </div>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
