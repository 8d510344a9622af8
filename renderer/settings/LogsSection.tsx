import { useId } from 'react';
import type { ScreenContext } from '../session/screen-context.ts';
import { useAction } from '../session/use-action.ts';

/** Settings' "Logs": the app's log file, shown in the file manager, for a problem report. */
export function LogsSection({ api, onFailure }: Pick<ScreenContext, 'api' | 'onFailure'>) {
  const titleId = useId();
  const open = useAction(api.openLogsFolder, onFailure);
  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="settings-section__title">
        Logs
      </h3>
      <p className="muted">
        Meeting Tray notes what it does in a log file (never your sign-in). Attach it when you
        report a problem.
      </p>
      <button
        type="button"
        className="button button--small"
        disabled={open.pending}
        aria-busy={open.pending}
        onClick={() => void open.run()}
      >
        Open logs folder
      </button>
    </section>
  );
}
