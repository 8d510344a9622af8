import type { FathomState } from '../../preload/contract.ts';
import { Spinner } from '../components/Spinner.tsx';
import { errorCopy } from '../copy/error-copy.ts';
import type { ScreenContext } from '../session/screen-context.ts';
import type { TimeFormat } from '../time/time-format.ts';
import { ConnectPageActions } from './ConnectPageActions.tsx';
import { CONNECT_FATHOM_PROMPT, REMOVE_APP_HINT } from './fathom-copy.ts';
import { RecentNotes } from './RecentNotes.tsx';

interface FathomAreaProps extends ScreenContext {
  fathom: FathomState | null;
  format: TimeFormat;
  now: number;
}

/**
 * Fathom's part of the main screen, whatever Zoom's session is: the recent notes while Fathom is
 * connected (or connecting), otherwise one small way to Settings to connect it.
 */
export function FathomArea({ fathom, format, now, ...context }: FathomAreaProps) {
  if (fathom === null) return null;
  switch (fathom.kind) {
    case 'connected':
      return <RecentNotes {...context} fathom={fathom} format={format} now={now} />;
    case 'connecting':
      return <ConnectingNotes {...context} fathom={fathom} />;
    case 'not-connected':
      return (
        <div className="fathom-prompt" data-testid="fathom-prompt">
          {fathom.reason ? (
            <p className="notice notice--warning" data-testid="fathom-reason">
              <span className="notice__title">
                {errorCopy(fathom.reason.code, 'fathom').title}.
              </span>{' '}
              {errorCopy(fathom.reason.code, 'fathom').action}
            </p>
          ) : null}
          {fathom.removeAppHint ? <p className="muted">{REMOVE_APP_HINT}</p> : null}
          <p className="fathom-prompt__row">
            <span className="muted">{CONNECT_FATHOM_PROMPT}</span>
            <button type="button" className="button button--small" onClick={context.openSettings}>
              Connect Fathom
            </button>
          </p>
        </div>
      );
    case 'error':
      return (
        <div className="notice notice--warning" data-testid="fathom-error">
          <p className="notice__title">{errorCopy(fathom.code, 'fathom').title}</p>
          <p>{errorCopy(fathom.code, 'fathom').action}</p>
          <button type="button" className="button button--small" onClick={context.openSettings}>
            Fathom settings
          </button>
        </div>
      );
  }
}

function ConnectingNotes({
  fathom,
  api,
  onFailure,
}: ScreenContext & { fathom: Extract<FathomState, { kind: 'connecting' }> }) {
  return (
    <section className="notes" aria-labelledby="notes-title" aria-busy="true">
      <div className="notes__header">
        <h2 id="notes-title">Recent notes</h2>
      </div>
      <div className="notice notice--info notice--stacked" data-testid="fathom-connecting">
        <p>
          <Spinner />{' '}
          {fathom.mode === 'oauth'
            ? 'Connecting Fathom: continue in your browser, then come back here.'
            : 'Checking your Fathom API key…'}
        </p>
        {fathom.mode === 'oauth' ? (
          <ConnectPageActions
            api={api}
            onFailure={onFailure}
            authorizationUrl={fathom.authorizationUrl}
            cancelLabel="Stop connecting Fathom"
            quiet
          />
        ) : null}
      </div>
    </section>
  );
}
