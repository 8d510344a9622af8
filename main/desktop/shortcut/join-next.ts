/**
 * "Join the next meeting", for the global shortcut and `meeting-tray --join-next`: the meeting
 * in progress (the latest started one that has not ended), else the next one to start, among
 * those with an allow-listed join link; opened with the same opener as the tray's Join (the Zoom
 * app or the browser, per the `joinIn` choice). With nothing to join it shows the window (the
 * person sees their day) and logs a line — a notification saying "nothing" would only be noise.
 */
import type { Meeting, SessionState } from '../../../preload/contract.ts';
import type { Clock, Logger } from '../../core/ports.ts';
import { allowedExternalUrl } from '../security/external-url-policy.ts';

const MINUTE = 60_000;

/** The join link of the meeting to join at `now`, or null. */
export function meetingToJoin(meetings: readonly Meeting[], now: number): string | null {
  let running: { start: number; url: string } | null = null;
  let next: { start: number; url: string } | null = null;
  for (const meeting of meetings) {
    if (!meeting.startTime) continue;
    const start = Date.parse(meeting.startTime);
    const url = allowedExternalUrl(meeting.joinUrl);
    if (Number.isNaN(start) || url === null) continue;
    // A meeting with no duration counts as running for its first minute.
    const end = start + Math.max(meeting.durationMinutes, 1) * MINUTE;
    if (start <= now && now < end) {
      if (!running || start > running.start) running = { start, url };
    } else if (start > now && (!next || start < next.start)) {
      next = { start, url };
    }
  }
  return (running ?? next)?.url ?? null;
}

export function createJoinNext(deps: {
  getState: () => SessionState;
  clock: Pick<Clock, 'now'>;
  open: (url: string) => Promise<void>;
  showWindow: () => void;
  logger: Logger;
}): () => Promise<void> {
  return async () => {
    const state = deps.getState();
    const url = state.kind === 'signed-in' ? meetingToJoin(state.meetings, deps.clock.now()) : null;
    if (url === null) {
      deps.logger.info('join next: no meeting to join; showing the window instead');
      deps.showWindow();
      return;
    }
    try {
      await deps.open(url);
    } catch (error) {
      deps.logger.warn('join next: the meeting could not be opened', { error: String(error) });
    }
  };
}
