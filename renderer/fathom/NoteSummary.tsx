import type { NoteSummaryState } from '../../preload/contract.ts';
import { Spinner } from '../components/Spinner.tsx';
import { errorCopy } from '../copy/error-copy.ts';
import type { TimeFormat } from '../time/time-format.ts';
import type { SummaryLink } from './summary-links.ts';
import { SummaryMarkdown } from './SummaryMarkdown.tsx';

export const SUMMARY_PROCESSING = 'Fathom is still writing this summary.';

interface NoteSummaryProps {
  id: string;
  /** Main's state of this summary; undefined until main has it (the request is on its way). */
  state: NoteSummaryState | undefined;
  format: TimeFormat;
  /** Asks main again (after a failure, or to see whether Fathom has finished writing). */
  onRetry: () => void;
  retrying: boolean;
  onOpenLink: (link: SummaryLink) => void;
}

/** One note's summary, in each of its states: loading, still being written, failed, ready. */
export function NoteSummary({
  id,
  state,
  format,
  onRetry,
  retrying,
  onOpenLink,
}: NoteSummaryProps) {
  const loading = state === undefined || state.kind === 'loading';
  return (
    <div id={id} className="note__summary" data-testid="note-summary" aria-busy={loading}>
      <div role="status" className="note__summary-status">
        {loading ? (
          <p className="muted">
            <Spinner /> Loading the summary…
          </p>
        ) : null}
        {state?.kind === 'processing' ? (
          <div className="notice notice--info" data-testid="summary-processing">
            <p>{SUMMARY_PROCESSING} Check again in a few minutes.</p>
            <RetryButton label="Check again" onRetry={onRetry} retrying={retrying} />
          </div>
        ) : null}
        {state?.kind === 'failed' ? (
          <div className="notice notice--warning" data-testid="summary-failed">
            <p className="notice__title">{errorCopy(state.code, 'fathom').title}</p>
            <p>
              {state.retryAt !== null
                ? `Fathom asked us to wait until ${format.clock(state.retryAt)}. Try again then.`
                : errorCopy(state.code, 'fathom').action}
            </p>
            <RetryButton label="Try again" onRetry={onRetry} retrying={retrying} />
          </div>
        ) : null}
      </div>
      {state?.kind === 'ready' ? (
        <>
          {state.templateName ? (
            <p className="muted note__template">{state.templateName} summary</p>
          ) : null}
          <SummaryMarkdown markdown={state.markdown} onOpenLink={onOpenLink} headingLevel={5} />
        </>
      ) : null}
    </div>
  );
}

function RetryButton({
  label,
  onRetry,
  retrying,
}: {
  label: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  return (
    <button
      type="button"
      className="button button--small"
      disabled={retrying}
      aria-busy={retrying}
      onClick={onRetry}
    >
      {retrying ? <Spinner /> : null}
      {label}
    </button>
  );
}
