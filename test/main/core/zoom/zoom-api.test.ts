import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors.ts';
import type { Logger } from '../../../../main/core/ports.ts';
import { isRateLimitError } from '../../../../main/core/zoom/zoom-errors.ts';
import { createZoomApi } from '../../../../main/core/zoom/zoom-api.ts';
import { createFakeAuth, type FakeAuth } from '../../../fakes/fake-auth.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import {
  adaProfileBody,
  meetingBody,
  startScriptedZoomServer,
  type ScriptedZoomServer,
} from './scripted-zoom-server.ts';

const logLines: string[] = [];
const logger: Logger = {
  info: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
  warn: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
  error: (message, fields) => logLines.push(JSON.stringify({ message, fields })),
};

let server: ScriptedZoomServer;
let auth: FakeAuth;
const clock = createFakeClock(Date.parse('2026-11-24T09:00:00Z'));

beforeEach(async () => {
  logLines.length = 0;
  server = await startScriptedZoomServer(() => ({ status: 500 }));
  auth = createFakeAuth({ stored: true, apiBaseUrl: server.apiBaseUrl });
  await auth.restore();
});
afterEach(async () => {
  await server.close();
});

const api = () => createZoomApi({ fetch, auth, clock, logger });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('getProfile', () => {
  it('maps /users/me to a Profile, sending the token only as a bearer header', async () => {
    server.setHandler(() => ({ body: adaProfileBody }));
    const profile = await api().getProfile();

    expect(profile).toEqual({
      id: 'KdYy7pTRRayJ9EfQqMo2gA',
      displayName: 'Ada Okafor',
      firstName: 'Ada',
      lastName: 'Okafor',
      email: 'ada.okafor@example.com',
      avatarUrl: 'https://us05web.zoom.us/p/v2/sandbox-avatar.png',
      timezone: 'Europe/Berlin',
      accountType: 2,
    });
    const [request] = server.requests;
    expect(request?.path).toBe('/users/me');
    expect(request?.authorization).toBe(`Bearer ${auth.currentAccessToken()}`);
    expect(request?.target).not.toContain(auth.currentAccessToken());
  });

  it('falls back to first + last name, and drops a non-web avatar URL', async () => {
    server.setHandler(() => ({
      body: {
        id: 'u1',
        first_name: 'Jonas',
        last_name: 'Berg',
        display_name: '',
        pic_url: 'javascript:alert(1)',
        type: 1,
      },
    }));
    const profile = await api().getProfile();
    expect(profile.displayName).toBe('Jonas Berg');
    expect(profile.avatarUrl).toBeNull();
    expect(profile.email).toBe('');
    expect(profile.timezone).toBeNull();
  });

  it('rejects a profile without an id as an unreadable server answer', async () => {
    server.setHandler(() => ({ body: { first_name: 'Ada' } }));
    expect((await failure(api().getProfile())).code).toBe('server_error');
    server.setHandler(() => ({ raw: '<html>oops</html>' }));
    expect((await failure(api().getProfile())).code).toBe('server_error');
    server.setHandler(() => ({ body: [adaProfileBody] }));
    expect((await failure(api().getProfile())).code).toBe('server_error');
  });
});

describe('listUpcomingMeetings', () => {
  it('reads all three pages with page_size 300 and follows next_page_token', async () => {
    const pages: Record<string, { next: string; meetings: unknown[] }> = {
      '': { next: 'tok-2', meetings: [meetingBody(111, '2026-11-24T15:00:00Z')] },
      'tok-2': { next: 'tok-3', meetings: [meetingBody(222, '2026-11-24T10:00:00Z')] },
      'tok-3': { next: '', meetings: [meetingBody(333, '2026-11-25T08:00:00Z')] },
    };
    server.setHandler((request) => {
      const page = pages[request.query['next_page_token'] ?? ''];
      return page
        ? { body: { next_page_token: page.next, meetings: page.meetings } }
        : { status: 400 };
    });

    const meetings = await api().listUpcomingMeetings();

    expect(meetings.map((m) => m.id)).toEqual(['222', '111', '333']);
    expect(server.requests.map((r) => r.query)).toEqual([
      { type: 'upcoming', page_size: '300' },
      { type: 'upcoming', page_size: '300', next_page_token: 'tok-2' },
      { type: 'upcoming', page_size: '300', next_page_token: 'tok-3' },
    ]);
    expect(server.requests.every((r) => r.path === '/users/me/meetings')).toBe(true);
  });

  it('treats an absent next_page_token as the last page', async () => {
    server.setHandler(() => ({ body: { meetings: [meetingBody(1, '2026-11-24T10:00:00Z')] } }));
    expect(await api().listUpcomingMeetings()).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it('stops at a repeated page token, keeping the rows read and marking the list incomplete', async () => {
    server.setHandler((request) => ({
      body: {
        next_page_token: 'again',
        meetings: [
          meetingBody(request.query['next_page_token'] ? 222 : 111, '2026-11-24T10:00:00Z'),
        ],
      },
    }));

    const list = await api().readUpcomingMeetings();

    expect(list.incomplete).toBe(true);
    expect(list.meetings.map((m) => m.id)).toEqual(['111', '222']);
    expect(server.requests).toHaveLength(2);
    expect(await api().listUpcomingMeetings()).toHaveLength(2);
  });

  it('stops after the page cap, keeping the rows read and marking the list incomplete', async () => {
    let page = 0;
    server.setHandler(() => {
      page += 1;
      return {
        body: {
          next_page_token: `tok-${page}`,
          meetings: [meetingBody(page, `2026-11-24T1${page}:00:00Z`)],
        },
      };
    });

    const list = await createZoomApi({
      fetch,
      auth,
      clock,
      logger,
      maxPages: 3,
    }).readUpcomingMeetings();

    expect(list).toMatchObject({ incomplete: true });
    expect(list.meetings.map((m) => m.id)).toEqual(['1', '2', '3']);
    expect(server.requests).toHaveLength(3);
    expect(logLines.join('\n')).toContain('page cap');
  });

  it('marks a list read to its last page complete', async () => {
    server.setHandler(() => ({ body: { next_page_token: '', meetings: [meetingBody(1, null)] } }));
    expect(await api().readUpcomingMeetings()).toMatchObject({ incomplete: false });
  });

  it('normalizes rows: untimed last, exact duplicates dropped, big ids exact, agenda null', async () => {
    const raw = `{"next_page_token":"","meetings":[
      {"id":93311224455,"topic":"1:1","type":3,"duration":30,"join_url":"https://us05web.zoom.us/j/93311224455"},
      {"id":12345678901234567890,"topic":"Big","type":2,"start_time":"2026-11-26T08:00:00Z","duration":45,"join_url":"https://us05web.zoom.us/j/1"},
      {"id":81234567890,"topic":"Stand-up","type":8,"start_time":"2026-11-25T08:00:00Z","duration":15,"agenda":"","join_url":"https://us05web.zoom.us/j/81234567890"},
      {"id":81234567890,"topic":"Stand-up","type":8,"start_time":"2026-11-24T08:00:00Z","duration":15,"agenda":"Daily","join_url":"https://us05web.zoom.us/j/81234567890"},
      {"id":81234567890,"topic":"Stand-up","type":8,"start_time":"2026-11-24T08:00:00Z","duration":15,"join_url":"https://us05web.zoom.us/j/81234567890"},
      {"topic":"no id"},
      "not an object",
      {"id":"555","topic":"String id","type":2,"start_time":"not a date","join_url":"javascript:alert(1)"}
    ]}`;
    server.setHandler(() => ({ raw }));

    const meetings = await api().listUpcomingMeetings();

    expect(meetings.map((m) => m.key)).toEqual([
      '81234567890@2026-11-24T08:00:00Z',
      '81234567890@2026-11-25T08:00:00Z',
      '12345678901234567890@2026-11-26T08:00:00Z',
      '555@none',
      '93311224455@none',
    ]);
    expect(meetings[0]?.agenda).toBe('Daily');
    expect(meetings[0]?.startMs).toBe(Date.parse(meetings[0]!.startTime!));
    expect(meetings[1]?.agenda).toBeNull();
    expect(meetings[2]?.id).toBe('12345678901234567890');
    expect(meetings[3]).toMatchObject({ id: '555', startTime: null, joinUrl: '', type: 2 });
    expect(meetings[4]).toEqual({
      key: '93311224455@none',
      id: '93311224455',
      topic: '1:1',
      startTime: null,
      startMs: null,
      durationMinutes: 30,
      timezone: null,
      joinUrl: 'https://us05web.zoom.us/j/93311224455',
      agenda: null,
      type: 3,
    });
  });
});

describe('errors', () => {
  it('on 401 forces one token refresh and retries with the new token', async () => {
    const firstToken = auth.currentAccessToken();
    server.setHandler((request) =>
      request.authorization === `Bearer ${firstToken}`
        ? { status: 401, body: { code: 124, message: 'Access token is expired.' } }
        : { body: adaProfileBody },
    );

    const profile = await api().getProfile();

    expect(profile.id).toBe(adaProfileBody.id);
    expect(auth.getAccessTokenCalls()).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(server.requests.map((r) => r.authorization)).toEqual([
      `Bearer ${firstToken}`,
      `Bearer ${auth.currentAccessToken()}`,
    ]);
    expect(auth.currentAccessToken()).not.toBe(firstToken);
  });

  it('on a second 401 gives up with session_expired', async () => {
    server.setHandler(() => ({
      status: 401,
      body: { code: 124, message: 'Invalid access token.' },
    }));
    const error = await failure(api().getProfile());
    expect(error.code).toBe('session_expired');
    expect(error.message).toMatch(/sign in again/i);
    expect(server.requests).toHaveLength(2);
    expect(auth.getAccessTokenCalls().filter((c) => c.forceRefresh)).toHaveLength(1);
  });

  it('passes on a failure of the token itself without calling Zoom', async () => {
    auth.failTokensWith(new AppError('session_expired', 'Sign in again.'));
    expect((await failure(api().getProfile())).code).toBe('session_expired');
    expect(server.requests).toHaveLength(0);
  });

  it('maps 400 code 4711 to missing_scope naming the scopes', async () => {
    server.setHandler(() => ({
      status: 400,
      body: {
        code: 4711,
        message: 'Invalid access token, does not contain scopes:[meeting:read:list_meetings].',
      },
    }));
    const error = await failure(api().listUpcomingMeetings());
    expect(error.code).toBe('missing_scope');
    expect(error.message).toContain('meeting:read:list_meetings');
    expect(error.message).toContain('Zoom Marketplace');
  });

  it('maps 429 with Retry-After seconds to rate_limited with retryAfterMs', async () => {
    server.setHandler(() => ({
      status: 429,
      headers: { 'retry-after': '7', 'x-ratelimit-type': 'QPS' },
      body: {
        code: 429,
        message:
          'You have reached the maximum per-second rate limit for this API. Try again later.',
      },
    }));
    const error = await failure(api().getProfile());
    expect(error.code).toBe('rate_limited');
    expect(isRateLimitError(error) && error.retryAfterMs).toBe(7000);
    expect(server.requests).toHaveLength(1);
  });

  it('maps 429 with a Retry-After ISO date to the time left until then', async () => {
    server.setHandler(() => ({
      status: 429,
      headers: { 'retry-after': '2026-11-25T00:00:00Z', 'x-ratelimit-type': 'Daily-limit' },
      body: { code: 429, message: 'You have reached the maximum daily rate limit for this API.' },
    }));
    const error = await failure(api().getProfile());
    expect(isRateLimitError(error) && error.retryAfterMs).toBe(
      Date.parse('2026-11-25T00:00:00Z') - clock.now(),
    );
    expect(error.message).toMatch(/15 hours/);
  });

  it('uses X-RateLimit-* headers when Retry-After is missing', async () => {
    server.setHandler(() => ({
      status: 429,
      headers: { 'x-ratelimit-type': 'QPS' },
      body: { code: 429 },
    }));
    const qps = await failure(api().getProfile());
    expect(isRateLimitError(qps) && qps.retryAfterMs).toBe(2000);

    server.setHandler(() => ({
      status: 429,
      headers: { 'x-ratelimit-type': 'Daily-limit' },
      body: { code: 429 },
    }));
    const daily = await failure(api().getProfile());
    expect(isRateLimitError(daily) && daily.retryAfterMs).toBe(
      Date.parse('2026-11-25T00:00:00Z') - clock.now(),
    );
  });

  it('maps 5xx (even with a non-JSON body) to server_error', async () => {
    server.setHandler(() => ({ status: 503, raw: 'Service Unavailable' }));
    const error = await failure(api().listUpcomingMeetings());
    expect(error.code).toBe('server_error');
  });

  it('maps other 4xx to a readable failure carrying the Zoom code', async () => {
    server.setHandler(() => ({
      status: 400,
      body: {
        code: 3161,
        message:
          'Meeting hosting and scheduling capabilities are not allowed for your user account.',
      },
    }));
    const error = await failure(api().listUpcomingMeetings());
    expect(error.code).toBe('unknown');
    expect(error.message).toContain('3161');
  });

  it('maps a network failure to offline', async () => {
    const closed = await startScriptedZoomServer(() => ({}));
    await closed.close();
    auth.setApiBaseUrl(closed.apiBaseUrl);
    const error = await failure(api().getProfile());
    expect(error.code).toBe('offline');
  });

  it('gives up on an API that never answers: timeout, within its deadline', async () => {
    server.setHandler(() => new Promise<never>(() => undefined));
    const error = await failure(
      createZoomApi({ fetch, auth, clock, logger, requestDeadlineMs: 200 }).getProfile(),
    );
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/did not answer/);
  });

  it('refuses a page over the size limit as a server problem', async () => {
    server.setHandler(() => ({
      body: { next_page_token: '', meetings: [meetingBody(1, null, { agenda: 'x'.repeat(4096) })] },
    }));
    const error = await failure(
      createZoomApi({ fetch, auth, clock, logger, maxResponseBytes: 1024 }).listUpcomingMeetings(),
    );
    expect(error.code).toBe('server_error');
    expect(error.message).toContain('1 KB');
  });

  it('never logs a token', async () => {
    server.setHandler(() => ({
      status: 401,
      body: { code: 124, message: 'Invalid access token.' },
    }));
    await failure(api().getProfile());
    expect(logLines.length).toBeGreaterThan(0);
    const logged = logLines.join('\n');
    for (const secret of auth.mintedSecrets()) expect(logged).not.toContain(secret);
  });
});
