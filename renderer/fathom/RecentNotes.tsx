import { useCallback } from 'react';
import type { FathomState } from '../../preload/contract.ts';
import { Spinner } from '../components/Spinner.tsx';
import { errorCopy } from '../copy/error-copy.ts';
import type { ScreenContext } from '../session/screen-context.ts';
import { useAction } from '../session/use-action.ts';
import type { TimeFormat } from '../time/time-format.ts';
import { NoteCard } from './NoteCard.tsx';
import type { SummaryLink } from './summary-links.ts';

type Connected = Extract<FathomState, { kind: 'connected' }>;

interface RecentNotesProps extends Pick<ScreenContext, 'api' | 'onFailure' | 'announce'> {
  fathom: Connected;
  format: TimeFormat;
  now: number;
}

export const NO_RECENT_NOTES = 'No recorded meetings in the past 7 days';

/**
 * "Recent notes": what Fathom recorded in the past 7 days, newest first, beside Zoom's upcoming
 * meetings. Cached notes stay when Fathom cannot be reached, under a banner that says so and
 * since when, like the meetings' own.
 */
export function RecentNotes({ fathom, format, now, api, onFailure, announce }: RecentNotesProps) {
  const refresh = useAction(api.refreshFathom, onFailure);
  const load = useAction(api.loadFathomSummary, onFailure);
  const openFathom = useAction(api.openFathomLink, onFailure);
  const openZoom = useAction(api.openJoinUrl, onFailure);

  const loadRun = load.run;
  const openFathomRun = openFathom.run;
  const openZoomRun = openZoom.run;
  const onLoadSummary = useCallback((recordingId: number) => loadRun(recordingId), [loadRun]);
  const onOpenFathom = useCallback((url: string) => void openFathomRun(url), [openFathomRun]);
  const onOpenLink = useCallback(
    (link: SummaryLink) =>
      void (link.opener === 'fathom' ? openFathomRun(link.url) : openZoomRun(link.url)),
    [openFathomRun, openZoomRun],
  );

  const refreshing = fathom.refreshing || refresh.pending;
  const since =
    fathom.updatedAt === null ? '' : ` — notes updated ${format.clock(fathom.updatedAt)}`;

  return (
    <section
      className={`notes${fathom.stale || fathom.offline ? ' notes--stale' : ''}`}
      aria-labelledby="notes-title"
      aria-busy={refreshing}
      data-testid="recent-notes"
    >
      <div className="notes__header">
        <h2 id="notes-title">Recent notes</h2>
        <button
          type="button"
          className="button button--small"
          disabled={refreshing}
          aria-busy={refreshing}
          onClick={async () => {
            const result = await refresh.run();
            if (result.ok) announce('Notes updated');
          }}
        >
          {refreshing ? <Spinner /> : null}
          {/* Not "Refresh": that names the meetings' button, and each list updates on its own. */}
          {refreshing ? 'Updating notes…' : 'Update notes'}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="notes-announcer">
        {fathom.offline
          ? 'Offline — showing saved notes'
          : refreshing
            ? 'Updating notes'
            : `${fathom.notes.length} recent ${fathom.notes.length === 1 ? 'note' : 'notes'}`}
      </p>
      {fathom.offline || fathom.stale ? (
        <p className="banner banner--muted" data-testid="notes-stale-banner">
          {fathom.offline ? `Offline${since}` : `Not up to date${since}`}
        </p>
      ) : null}
      {fathom.problem && !(fathom.offline && fathom.problem.code === 'offline') ? (
        <div className="notice notice--warning" data-testid="notes-problem">
          <p className="notice__title">{errorCopy(fathom.problem.code, 'fathom').title}</p>
          <p>
            {fathom.waitUntil !== null
              ? `Fathom asked us to wait until ${format.clock(fathom.waitUntil)}. Meeting Tray will try again then.`
              : errorCopy(fathom.problem.code, 'fathom').action}
          </p>
        </div>
      ) : null}
      {fathom.incomplete ? (
        <p className="banner banner--muted" data-testid="notes-incomplete">
          Some notes may be missing: Fathom did not send the whole list.
        </p>
      ) : null}
      {fathom.notes.length === 0 ? (
        <div className="empty" data-testid="no-notes">
          <p className="empty__title">{NO_RECENT_NOTES}</p>
          <p className="muted">Meetings Fathom records will show up here with their notes.</p>
        </div>
      ) : (
        <ul className="notes__list" aria-labelledby="notes-title">
          {fathom.notes.map((note) => (
            <NoteCard
              key={note.recordingId}
              note={note}
              summary={fathom.summaries[note.recordingId]}
              format={format}
              now={now}
              onLoadSummary={onLoadSummary}
              onOpenFathom={onOpenFathom}
              onOpenLink={onOpenLink}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
