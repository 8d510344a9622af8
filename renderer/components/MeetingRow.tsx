import { memo, Profiler, useContext } from 'react';
import type { Meeting } from '../../preload/contract.ts';
import { describeWhen, type MeetingRowView } from '../time/group-meetings.ts';
import { MinuteContext } from '../time/minute-context.ts';
import { isInProgress } from '../time/now-next.ts';
import type { TimeFormat } from '../time/time-format.ts';
import { RowRenderProbe } from './row-render-probe.ts';

interface MeetingRowProps {
  row: MeetingRowView;
  format: TimeFormat;
  /** The row's place in the list's layout; see MeetingList. */
  index: number;
  /** Pixels from the top of the list. */
  offset: number;
  position: number;
  setSize: number;
  measure: (element: HTMLLIElement | null) => void;
  onJoin: (meeting: Meeting) => void;
  onCopy: (meeting: Meeting) => void;
}

/**
 * One meeting. Memoized on the meeting object itself (use-session keeps an unchanged meeting's
 * object across pushes) and its place, so a refresh re-renders only the rows that changed.
 */
export const MeetingRow = memo(function MeetingRow(props: MeetingRowProps) {
  const probe = useContext(RowRenderProbe);
  const row = <Row {...props} />;
  return probe ? (
    <Profiler id={props.row.meeting.key} onRender={probe}>
      {row}
    </Profiler>
  ) : (
    row
  );
}, sameRow);

function Row({
  row,
  format,
  index,
  offset,
  position,
  setSize,
  measure,
  onJoin,
  onCopy,
}: MeetingRowProps) {
  const { meeting } = row;
  const topic = meeting.topic || 'Untitled meeting';
  // Main's minute, from context: memo does not hold it back, and the list passes nothing new.
  const minute = useContext(MinuteContext);
  const live = minute !== null && isInProgress(meeting, minute);
  const edges = `${position === 1 ? ' meeting--first' : ''}${position === setSize ? ' meeting--last' : ''}`;
  return (
    <li
      ref={measure}
      data-index={index}
      className={`meeting meeting-list__item${edges}${live ? ' meeting--now' : ''}`}
      style={{ transform: `translateY(${offset}px)` }}
      aria-posinset={position}
      aria-setsize={setSize}
    >
      <div className="meeting__text">
        <p className="meeting__topic" title={topic}>
          {topic}
        </p>
        <p className="meeting__when">
          {live ? <span className="badge badge--now">Now</span> : null}
          {describeWhen(row, format)}
        </p>
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
}

/** Row views are rebuilt whenever the list is regrouped; what matters is the meeting in them. */
function sameRow(before: MeetingRowProps, after: MeetingRowProps): boolean {
  return (
    before.row.meeting === after.row.meeting &&
    before.row.showsDay === after.row.showsDay &&
    before.format === after.format &&
    before.index === after.index &&
    before.offset === after.offset &&
    before.position === after.position &&
    before.setSize === after.setSize &&
    before.measure === after.measure &&
    before.onJoin === after.onJoin &&
    before.onCopy === after.onCopy
  );
}
