import { memo } from 'react';
import type { Meeting } from '../../preload/contract.ts';
import type { MeetingRowView } from '../time/group-meetings.ts';

interface MeetingRowProps {
  row: MeetingRowView;
  onJoin: (meeting: Meeting) => void;
  onCopy: (meeting: Meeting) => void;
}

/** Memoized: with 1,000 meetings a refresh should only re-render rows whose data changed. */
export const MeetingRow = memo(function MeetingRow({ row, onJoin, onCopy }: MeetingRowProps) {
  const { meeting, when } = row;
  const topic = meeting.topic || 'Untitled meeting';
  return (
    <li className="meeting">
      <div className="meeting__text">
        <p className="meeting__topic">{topic}</p>
        <p className="meeting__when">{when}</p>
      </div>
      <div className="meeting__actions">
        <button
          type="button"
          className="button button--primary button--small"
          aria-label={`Join ${topic}`}
          onClick={() => onJoin(meeting)}
        >
          Join
        </button>
        <button
          type="button"
          className="button button--small"
          aria-label={`Copy link for ${topic}`}
          onClick={() => onCopy(meeting)}
        >
          Copy link
        </button>
      </div>
    </li>
  );
});
