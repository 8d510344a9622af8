import { useMemo } from 'react';
import type { Meeting } from '../../preload/contract.ts';
import { formatSince, formatUntil, formatUntilEnd } from '../../preload/shared/time-countdown.ts';
import { findNowAndNext, type TimedMeeting } from '../time/now-next.ts';
import { formatTimeRange, NO_BREAK_SPACE, type TimeFormat } from '../time/time-format.ts';

interface NowNextCardProps {
  meetings: readonly Meeting[];
  /** Main's minute: the card changes when main ticks, never between. */
  now: number;
  format: TimeFormat;
  onJoin: (meeting: Meeting) => void;
}

const units = { space: NO_BREAK_SPACE };

/**
 * The meeting in progress and the next one, at the top of the window, with their countdowns —
 * what MeetingBar shows in the menu bar. Nothing is shown when nothing is on or ahead.
 */
export function NowNextCard({ meetings, now, format, onJoin }: NowNextCardProps) {
  const { current, next } = useMemo(() => findNowAndNext(meetings, now), [meetings, now]);
  if (!current && !next) return null;
  return (
    <section className="now-next" aria-labelledby="now-next-title" data-testid="now-next">
      <h2 id="now-next-title" className="visually-hidden">
        Now and next
      </h2>
      {current ? (
        <NowNextItem
          label="Now"
          timed={current}
          countdown={`${formatSince(current.start, now, units)} · ${formatUntilEnd(now, current.end, units)}`}
          format={format}
          onJoin={onJoin}
        />
      ) : null}
      {next ? (
        <NowNextItem
          label="Next"
          timed={next}
          countdown={formatUntil(now, next.start, units)}
          format={format}
          onJoin={onJoin}
          showDay={format.dayKey(next.start) !== format.dayKey(now)}
        />
      ) : null}
    </section>
  );
}

function NowNextItem({
  label,
  timed,
  countdown,
  format,
  onJoin,
  showDay = false,
}: {
  label: 'Now' | 'Next';
  timed: TimedMeeting;
  countdown: string;
  format: TimeFormat;
  onJoin: (meeting: Meeting) => void;
  showDay?: boolean;
}) {
  const topic = timed.meeting.topic || 'Untitled meeting';
  const range = formatTimeRange(format, timed.start, timed.meeting.durationMinutes);
  return (
    <div
      className={`now-next__item now-next__item--${label.toLowerCase()}`}
      data-testid={`now-next-${label.toLowerCase()}`}
    >
      <div className="now-next__text">
        <p className="now-next__heading">
          <span className={`badge badge--${label.toLowerCase()}`}>{label}</span>
          <span className="now-next__countdown" data-testid="countdown">
            {countdown}
          </span>
        </p>
        <p className="now-next__topic" title={topic}>
          {topic}
        </p>
        <p className="now-next__when">
          {showDay ? `${format.day(timed.start)} · ${range}` : range}
        </p>
      </div>
      <button
        type="button"
        className="button button--primary"
        aria-label={`Join ${topic}`}
        onClick={() => onJoin(timed.meeting)}
      >
        Join
      </button>
    </div>
  );
}
