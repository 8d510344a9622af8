import type { MeetingTrayApi } from '../../preload/contract.ts';
import { useAction, type Failure } from '../session/use-action.ts';

interface ConnectPageActionsProps {
  api: MeetingTrayApi;
  onFailure: (failure: Failure) => void;
  /** Fathom's consent page, once the browser was asked to open it; null before. */
  authorizationUrl: string | null;
  /** What stopping is called where the buttons sit ("Cancel" in Settings). */
  cancelLabel: string;
  /** A quieter Cancel beside the notes, where connecting is not the main thing on screen. */
  quiet?: boolean;
}

/**
 * While Fathom's consent page is open in the browser: open it again (the tab was closed, the
 * browser did not come up) or stop connecting. The same pair under the notes and in Settings.
 */
export function ConnectPageActions({
  api,
  onFailure,
  authorizationUrl,
  cancelLabel,
  quiet = false,
}: ConnectPageActionsProps) {
  const reopen = useAction(api.reopenFathomConnectPage, onFailure);
  const cancel = useAction(api.cancelFathomConnect, onFailure);
  return (
    <div className="button-row button-row--start">
      {authorizationUrl ? (
        <button
          type="button"
          className="button button--small"
          disabled={reopen.pending}
          onClick={() => void reopen.run()}
        >
          Open Fathom's page again
        </button>
      ) : null}
      <button
        type="button"
        className={quiet ? 'button button--small button--quiet' : 'button button--small'}
        disabled={cancel.pending}
        aria-busy={cancel.pending}
        onClick={() => void cancel.run()}
      >
        {cancelLabel}
      </button>
    </div>
  );
}
