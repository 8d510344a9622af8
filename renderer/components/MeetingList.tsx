import { useMemo } from 'react';
import type { Meeting } from '../../preload/contract.ts';
import { groupMeetingsForDay } from '../time/group-meetings.ts';
import type { TimeFormat } from '../time/time-format.ts';
import { MeetingRow } from './MeetingRow.tsx';

interface MeetingListProps {
  meetings: readonly Meeting[];
  /** Today as `YYYY-MM-DD` in the display zone: grouping is recomputed per day, not per render. */
  today: string;
  format: TimeFormat;
  onJoin: (meeting: Meeting) => void;
  onCopy: (meeting: Meeting) => void;
}

export function MeetingList({ meetings, today, format, onJoin, onCopy }: MeetingListProps) {
  const groups = useMemo(
    () => groupMeetingsForDay(meetings, today, format),
    [meetings, today, format],
  );

  if (groups.length === 0) {
    return (
      <div className="empty" data-testid="no-meetings">
        <p className="empty__title">No upcoming meetings</p>
        <p className="muted">Meetings you schedule in Zoom will show up here.</p>
      </div>
    );
  }

  return (
    <>
      {groups.map((group) => (
        <div key={group.id} className="group">
          <h3 id={`group-${group.id}`} className="group__title">
            {group.label}
          </h3>
          <ul className="group__list" aria-labelledby={`group-${group.id}`}>
            {group.rows.map((row) => (
              <MeetingRow key={row.meeting.key} row={row} onJoin={onJoin} onCopy={onCopy} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
