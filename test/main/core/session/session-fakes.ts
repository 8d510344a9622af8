import { startMsOf } from '../../../../main/core/zoom/parse-meetings.ts';
import type { Meeting, Profile } from '../../../../preload/contract.ts';
import type { Logger, WakeEvents } from '../../../../main/core/ports.ts';
import type { SessionZoom } from '../../../../main/core/session/session-load.ts';

export const ada: Profile = {
  id: 'KdYy7pTRRayJ9EfQqMo2gA',
  displayName: 'Ada Okafor',
  firstName: 'Ada',
  lastName: 'Okafor',
  email: 'ada.okafor@example.com',
  avatarUrl: null,
  timezone: 'Europe/Berlin',
  accountType: 2,
};

export function meeting(id: string, startTime: string | null, topic = `Meeting ${id}`): Meeting {
  return {
    key: `${id}@${startTime ?? 'none'}`,
    id,
    topic,
    startTime,
    startMs: startMsOf(startTime),
    durationMinutes: 30,
    timezone: 'Europe/Berlin',
    joinUrl: `https://us05web.zoom.us/j/${id}`,
    agenda: null,
    type: startTime === null ? 3 : 2,
  };
}

/**
 * A scripted Zoom client: set what it answers, make it fail, or hold answers until released.
 * Calls are counted when they start, so a test can see two requests in flight at once.
 */
export function createFakeZoom(
  initial: { profile?: Profile; meetings?: Meeting[]; now?: () => number } = {},
) {
  let profile = initial.profile ?? ada;
  let meetings = initial.meetings ?? [meeting('85746065432', '2026-11-24T15:00:00Z')];
  let incomplete = false;
  let failure: Error | null = null;
  let gate: Promise<void> | null = null;
  const calls = { profile: 0, meetings: 0 };
  const inFlight = { now: 0, most: 0 };
  /** When each meeting-list request started (with `now` given). */
  const meetingCallTimes: number[] = [];

  const answer = async <T>(count: 'profile' | 'meetings', value: () => T): Promise<T> => {
    calls[count] += 1;
    inFlight.now += 1;
    inFlight.most = Math.max(inFlight.most, inFlight.now);
    try {
      if (gate) await gate;
      if (failure) throw failure;
      // A fresh copy each time, as parsing a response would give.
      return structuredClone(value());
    } finally {
      inFlight.now -= 1;
    }
  };

  const api: SessionZoom = {
    getProfile: () => answer('profile', () => profile),
    readUpcomingMeetings: () => {
      if (initial.now) meetingCallTimes.push(initial.now());
      return answer('meetings', () => ({ meetings, incomplete }));
    },
  };

  return {
    api,
    calls,
    meetingCallTimes,
    /** Requests: one per getProfile or meeting-list call, as the sandbox counts them. */
    requests: () => calls.profile + calls.meetings,
    /** The most requests that were waiting for an answer at the same time. */
    mostInFlight: () => inFlight.most,
    answer(next: { profile?: Profile; meetings?: Meeting[]; incomplete?: boolean }) {
      profile = next.profile ?? profile;
      meetings = next.meetings ?? meetings;
      incomplete = next.incomplete ?? incomplete;
    },
    fail(error: Error | null) {
      failure = error;
    },
    /** Holds every answer until the returned release is called. */
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return () => release();
    },
  };
}

export function createFakeWake() {
  const listeners = new Set<(reason: 'resume' | 'unlock' | 'online') => void>();
  const wake: WakeEvents = {
    onWake(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    wake,
    emit(reason: 'resume' | 'unlock' | 'online') {
      for (const listener of [...listeners]) listener(reason);
    },
    listenerCount: () => listeners.size,
  };
}

export function createRecordingLogger() {
  const lines: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, fields }));
  };
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  return { logger, lines };
}
