/**
 * Realistic session states for renderer tests and screenshots. Times are relative to
 * FIXTURE_NOW (Tuesday 24 Nov 2026, 09:00 UTC — the fake clock's default start) and read best
 * in FIXTURE_TIME_ZONE.
 */
import { startMsOf } from '../../main/core/zoom/parse-meetings.ts';
import type { Meeting, Profile, SessionState } from '../../preload/contract.ts';

export const FIXTURE_NOW = Date.parse('2026-11-24T09:00:00Z');
export const FIXTURE_TIME_ZONE = 'Europe/London';

export const fixtureProfile: Profile = {
  id: 'KdYKjnimT4KPd8FFgQt9FQ',
  displayName: 'Ada Lovelace',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  avatarUrl: null,
  timezone: FIXTURE_TIME_ZONE,
  accountType: 2,
};

export function fixtureMeeting(
  overrides: Partial<Meeting> & Pick<Meeting, 'id' | 'topic'>,
): Meeting {
  const startTime =
    overrides.startTime === undefined ? '2026-11-24T14:00:00Z' : overrides.startTime;
  return {
    durationMinutes: 30,
    timezone: FIXTURE_TIME_ZONE,
    joinUrl: `https://us05web.zoom.us/j/${overrides.id}?pwd=fixture`,
    agenda: null,
    type: 2,
    ...overrides,
    startTime,
    startMs: startMsOf(startTime),
    key: overrides.key ?? `${overrides.id}@${startTime ?? 'none'}`,
  };
}

export const fixtureMeetings: readonly Meeting[] = [
  fixtureMeeting({ id: '81234567890', topic: 'Design review', startTime: '2026-11-24T14:00:00Z' }),
  fixtureMeeting({
    id: '81234567891',
    topic: 'Team stand-up',
    startTime: '2026-11-24T09:30:00Z',
    durationMinutes: 15,
    type: 8,
  }),
  fixtureMeeting({
    id: '81234567892',
    topic: '1:1 with Grace',
    startTime: '2026-11-25T10:00:00Z',
    durationMinutes: 45,
  }),
  fixtureMeeting({
    id: '81234567893',
    topic: 'Quarterly planning',
    startTime: '2026-11-27T13:00:00Z',
    durationMinutes: 90,
  }),
  fixtureMeeting({
    id: '81234567894',
    topic: 'Office hours',
    startTime: null,
    durationMinutes: 60,
    type: 3,
  }),
];

const base = { demo: false, sessionOnly: null } as const;

export const signedOut: SessionState = { ...base, kind: 'signed-out', reason: null };
export const signedOutDemo: SessionState = { ...signedOut, demo: true };
export const signedOutExpired: SessionState = {
  ...base,
  kind: 'signed-out',
  reason: { code: 'session_expired', message: 'Your Zoom session ended — sign in again' },
};

export const signingIn: SessionState = {
  ...base,
  kind: 'signing-in',
  authorizationUrl:
    'https://zoom.us/oauth/authorize?response_type=code&client_id=fixture&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Fcallback&code_challenge=fixture&code_challenge_method=S256&state=fixture',
};
export const signingInWithoutUrl: SessionState = {
  ...base,
  kind: 'signing-in',
  authorizationUrl: null,
};

export const signedIn: Extract<SessionState, { kind: 'signed-in' }> = {
  ...base,
  kind: 'signed-in',
  profile: fixtureProfile,
  meetings: fixtureMeetings,
  updatedAt: FIXTURE_NOW - 60_000,
  stale: false,
  offline: false,
  refreshing: false,
  problem: null,
};
export const signedInEmpty: SessionState = { ...signedIn, meetings: [] };
export const signedInRefreshing: SessionState = { ...signedIn, refreshing: true };
export const signedInOffline: SessionState = {
  ...signedIn,
  offline: true,
  stale: true,
  updatedAt: Date.parse('2026-11-24T08:42:00Z'),
};
export const signedInProblem: SessionState = {
  ...signedIn,
  stale: true,
  problem: {
    code: 'rate_limited',
    message: 'Zoom asked us to slow down; trying again in a minute.',
  },
};
export const signedInSessionOnly: SessionState = {
  ...signedIn,
  sessionOnly: {
    code: 'keychain_unavailable',
    message: "Your system keychain isn't available, so you'll need to sign in again next time.",
  },
};

export const errorKeychainLocked: SessionState = {
  ...base,
  kind: 'error',
  code: 'keychain_locked',
  message: 'Your login keychain is locked. Unlock it and try again.',
};

/** `count` meetings spread over the next weeks, for performance tests and benchmarks. */
export function manyMeetings(count: number, from = FIXTURE_NOW): Meeting[] {
  return Array.from({ length: count }, (_, i) =>
    fixtureMeeting({
      id: String(90_000_000_000 + i),
      topic: `Meeting ${i + 1}`,
      startTime: new Date(
        from + (i % 200) * 3_600_000 + Math.floor(i / 200) * 60_000,
      ).toISOString(),
      durationMinutes: 15 + (i % 4) * 15,
    }),
  );
}
