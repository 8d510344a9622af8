import { memo, useId, useState } from 'react';
import type { FathomNote, NoteSummaryState } from '../../preload/contract.ts';
import type { TimeFormat } from '../time/time-format.ts';
import { ActionItems } from './ActionItems.tsx';
import { describeNoteWhen } from './note-view.ts';
import { NoteSummary } from './NoteSummary.tsx';
import type { SummaryLink } from './summary-links.ts';

interface NoteCardProps {
  note: FathomNote;
  summary: NoteSummaryState | undefined;
  format: TimeFormat;
  now: number;
  /** Asks main for the summary; it arrives in the pushed state. Resolves when main answered. */
  onLoadSummary: (recordingId: number) => Promise<unknown>;
  /** Opens one of Fathom's own links (the share link, a playback moment). */
  onOpenFathom: (url: string) => void;
  onOpenLink: (link: SummaryLink) => void;
}

/**
 * One recorded meeting: its title (two lines, the whole of it on hover and to screen readers),
 * when and how long, a way into Fathom, its action items, and its summary on demand — asked
 * for only when the person opens it, so a refresh never costs a call per note.
 */
export const NoteCard = memo(function NoteCard({
  note,
  summary,
  format,
  now,
  onLoadSummary,
  onOpenFathom,
  onOpenLink,
}: NoteCardProps) {
  const id = useId();
  const title = note.title.trim() || 'Untitled meeting';
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState(false);

  const ask = async () => {
    setAsking(true);
    try {
      await onLoadSummary(note.recordingId);
    } finally {
      setAsking(false);
    }
  };
  const toggle = () => {
    const opening = !open;
    setOpen(opening);
    // A summary main already holds (ready, or still being written) is shown as it is.
    if (opening && (summary === undefined || summary.kind === 'failed')) void ask();
  };

  return (
    <li className="note" data-testid="note" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="note__title" title={title}>
        {title}
      </h3>
      <p className="note__when">{describeNoteWhen(note, format, now)}</p>
      <div className="note__actions">
        <button
          type="button"
          className="button button--small"
          aria-label={`Open ${title} in Fathom`}
          onClick={() => onOpenFathom(note.shareUrl)}
        >
          Open in Fathom
        </button>
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          aria-controls={open ? `${id}-summary` : undefined}
          aria-label={`${open ? 'Hide' : 'Show'} summary of ${title}`}
          onClick={toggle}
        >
          {open ? 'Hide summary' : 'Show summary'}
        </button>
      </div>
      <h4 className="note__subhead">Action items</h4>
      <ActionItems
        items={note.actionItems}
        noteTitle={title}
        onPlay={(item) => onOpenFathom(item.playbackUrl)}
      />
      {open ? (
        <NoteSummary
          id={`${id}-summary`}
          state={asking && summary?.kind === 'failed' ? { kind: 'loading' } : summary}
          format={format}
          retrying={asking}
          onRetry={() => void ask()}
          onOpenLink={onOpenLink}
        />
      ) : null}
    </li>
  );
});
