// The Zoom client against the local Zoom sandbox over real HTTP, with real OAuth tokens.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors.ts';
import { createZoomApi } from '../../../../main/core/zoom/zoom-api.ts';
import { isRateLimitError } from '../../../../main/core/zoom/zoom-errors.ts';
import {
  startZoomSandbox,
  type ZoomSandbox,
  type ZoomSandboxOptions,
} from '../../../../main/sandbox/index.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createRecordingLogger } from '../session/session-fakes.ts';
import { signInToSandbox } from './sandbox-grant.ts';

let sandbox: ZoomSandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function connect(options: ZoomSandboxOptions = {}) {
  sandbox = await startZoomSandbox({ rateLimits: false, ...options });
  const auth = await signInToSandbox(sandbox);
  const { logger, lines } = createRecordingLogger();
  const api = createZoomApi({ fetch, auth, clock: createFakeClock(Date.now()), logger });
  return { sandbox, auth, api, lines };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const meetingListRequests = (s: ZoomSandbox) =>
  s.counters().requests['GET /v2/users/me/meetings'] ?? 0;

describe('Zoom API client against the sandbox', () => {
  it('reads the profile', async () => {
    const { api } = await connect();
    const profile = await api.getProfile();
    expect(profile.id).not.toBe('');
    expect(profile.displayName).not.toBe('');
    expect(profile.email).toContain('@');
    expect(Number.isInteger(profile.accountType)).toBe(true);
  });

  it('reads every page of upcoming meetings (650 rows → 3 pages of 300)', async () => {
    const { api, sandbox } = await connect({ meetingCount: 650 });
    sandbox.resetCounters();
    const meetings = await api.listUpcomingMeetings();

    expect(meetingListRequests(sandbox)).toBe(3);
    expect(meetings.length).toBeGreaterThan(300);
    expect(new Set(meetings.map((m) => m.key)).size).toBe(meetings.length);
    const starts = meetings.flatMap((m) => (m.startTime ? [Date.parse(m.startTime)] : []));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const firstUntimed = meetings.findIndex((m) => m.startTime === null);
    if (firstUntimed >= 0)
      expect(meetings.slice(firstUntimed).every((m) => m.startTime === null)).toBe(true);
    for (const meeting of meetings) expect(meeting.id).toMatch(/^\d+$/);
  });

  it('refreshes the token once when the sandbox says it expired, then succeeds', async () => {
    let now = Date.now();
    const { api, sandbox, auth } = await connect({ now: () => now });
    const before = auth.accessToken();
    now += 3600 * 1000; // past the 3599 s access-token lifetime
    sandbox.resetCounters();

    const profile = await api.getProfile();

    expect(profile.id).not.toBe('');
    expect(auth.accessToken()).not.toBe(before);
    expect(sandbox.counters().grants['refresh_token']).toBe(1);
    expect(sandbox.counters().requests['GET /v2/users/me']).toBe(2);
  });

  it('reports a missing scope by name', async () => {
    const { api } = await connect({ clientScopes: { public: ['user:read:user'] } });
    const error = await failure(api.listUpcomingMeetings());
    expect(error.code).toBe('missing_scope');
    expect(error.message).toContain('meeting:read:list_meetings');
  });

  it('maps the sandbox faults: 429 with Retry-After, 5xx, dropped connections', async () => {
    const { api, sandbox, lines, auth } = await connect();

    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 3 });
    const limited = await failure(api.getProfile());
    expect(limited.code).toBe('rate_limited');
    expect(isRateLimitError(limited) && limited.retryAfterMs).toBe(3000);

    sandbox.setFaults({ serverErrorRate: 1 });
    expect((await failure(api.listUpcomingMeetings())).code).toBe('server_error');

    sandbox.setFaults({ dropRate: 1 });
    expect((await failure(api.getProfile())).code).toBe('offline');

    sandbox.setFaults({});
    expect((await api.getProfile()).id).not.toBe('');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(auth.accessToken());
    expect(lines.join('\n')).not.toMatch(/bearer/i);
  });
});
