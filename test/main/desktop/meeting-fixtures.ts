import { startMsOf } from '../../../main/core/zoom/parse-meetings.ts';
import type { Meeting, Profile, SessionState } from '../../../preload/contract.ts';

export function meeting(
  id: string,
  topic: string,
  startTime: string | null,
  durationMinutes = 30,
  joinUrl = `https://us05web.zoom.us/j/${id}`,
): Meeting {
  return {
    key: `${id}@${startTime ?? 'none'}`,
    id,
    topic,
    startTime,
    startMs: startMsOf(startTime),
    durationMinutes,
    timezone: 'Europe/Berlin',
    joinUrl,
    agenda: null,
    type: 2,
  };
}

const profile: Profile = {
  id: 'u1',
  displayName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  avatarUrl: null,
  timezone: 'Europe/Berlin',
  accountType: 1,
};

export function signedIn(
  meetings: Meeting[],
  extra: Partial<Extract<SessionState, { kind: 'signed-in' }>> = {},
): SessionState {
  return {
    kind: 'signed-in',
    demo: false,
    sessionOnly: null,
    profile,
    meetings,
    updatedAt: null,
    stale: false,
    offline: false,
    refreshing: false,
    problem: null,
    ...extra,
  };
}

export const signedOut: Extract<SessionState, { kind: 'signed-out' }> = {
  kind: 'signed-out',
  demo: false,
  sessionOnly: null,
  reason: null,
};
