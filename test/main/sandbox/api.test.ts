import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.ts';
import { getJson, signIn } from './sandbox-kit.ts';

interface MeetingRow {
  uuid: string;
  id: number;
  host_id: string;
  topic: string;
  type: number;
  start_time?: string;
  duration: number;
  timezone: string;
  agenda?: string;
  created_at: string;
  join_url: string;
}

interface MeetingPage {
  page_size: number;
  total_records: number;
  next_page_token: string;
  meetings: MeetingRow[];
}

const NOW = Date.parse('2026-11-24T09:00:00Z');

describe('Zoom REST API', () => {
  let sandbox: ZoomSandbox;
  let clock: FakeClock;
  let token: string;
  beforeEach(async () => {
    clock = createFakeClock(NOW);
    sandbox = await startZoomSandbox({ now: clock.now, rateLimits: false });
    token = (await signIn(sandbox)).access_token;
  });
  afterEach(() => sandbox.close());

  const meetings = async (query = '', accessToken = token) =>
    getJson(`${sandbox.apiBaseUrl}/users/me/meetings${query}`, accessToken);

  describe('authentication', () => {
    it('refuses an access token in the query string, even next to a header', async () => {
      const response = await getJson(`${sandbox.apiBaseUrl}/users/me?access_token=${token}`, token);
      expect(response).toMatchObject({
        status: 401,
        body: {
          code: 124,
          message:
            'Invalid access token, this access token is not supported as query parameter string.',
        },
      });
    });

    it('refuses a missing or unknown token with 401 code 124', async () => {
      for (const accessToken of [undefined, 'nonsense']) {
        const response = await getJson(`${sandbox.apiBaseUrl}/users/me/meetings`, accessToken);
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ code: 124, message: 'Invalid access token.' });
      }
    });

    it('says an expired token is expired, at exactly expires_in', async () => {
      clock.jump(3599 * 1000 - 1);
      expect((await getJson(`${sandbox.apiBaseUrl}/users/me`, token)).status).toBe(200);
      clock.jump(1);
      expect(await getJson(`${sandbox.apiBaseUrl}/users/me`, token)).toMatchObject({
        status: 401,
        body: { code: 124, message: 'Access token is expired.' },
      });
    });

    it('runs on a skewed clock with clockOffsetMs', async () => {
      const skewed = await startZoomSandbox({
        now: clock.now,
        clockOffsetMs: 86_400_000,
        rateLimits: false,
      });
      try {
        const skewedToken = (await signIn(skewed)).access_token;
        const live = (
          await getJson(`${skewed.apiBaseUrl}/users/me/meetings?type=live`, skewedToken)
        ).body as unknown as MeetingPage;
        expect(live.meetings.length).toBeGreaterThan(0);
        for (const row of live.meetings) expect(row.start_time?.slice(0, 10)).toBe('2026-11-25');
      } finally {
        await skewed.close();
      }
    });

    it('answers a missing scope with 400 code 4711', async () => {
      const limited = await startZoomSandbox({ clientScopes: { public: ['user:read:user'] } });
      try {
        const tokens = await signIn(limited);
        expect(tokens.scope).toBe('user:read:user');
        expect((await getJson(`${limited.apiBaseUrl}/users/me`, tokens.access_token)).status).toBe(
          200,
        );
        expect(
          await getJson(`${limited.apiBaseUrl}/users/me/meetings`, tokens.access_token),
        ).toMatchObject({
          status: 400,
          body: {
            code: 4711,
            message: 'Invalid access token, does not contain scopes:[meeting:read:list_meetings].',
          },
        });
      } finally {
        await limited.close();
      }
    });
  });

  it('GET /v2/users/me returns the demo profile', async () => {
    const response = await getJson(`${sandbox.apiBaseUrl}/users/me`, token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: 'KdYy7pTRRayJ9EfQqMo2gA',
      first_name: 'Ada',
      last_name: 'Okafor',
      display_name: 'Ada Okafor',
      email: 'ada.okafor@example.com',
      type: 2,
      timezone: 'Europe/Berlin',
      pic_url: '',
      account_id: 'GqZ7Klm2R4CpX9BvTn1wDg',
      status: 'active',
    });
  });

  describe('GET /v2/users/me/meetings', () => {
    it('lists ~12 scheduled meetings by default, in the Zoom shape', async () => {
      const response = await meetings();
      expect(response.status).toBe(200);
      const page = response.body as unknown as MeetingPage;
      expect(page.page_size).toBe(30);
      expect(page.total_records).toBe(12);
      expect(page.next_page_token).toBe('');
      expect(page.meetings).toHaveLength(12);
      for (const meeting of page.meetings) {
        expect(meeting).toMatchObject({
          uuid: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
          host_id: 'KdYy7pTRRayJ9EfQqMo2gA',
          topic: expect.any(String),
          duration: expect.any(Number),
          timezone: expect.any(String),
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          join_url: expect.stringMatching(
            new RegExp(`^https://us05web\\.zoom\\.us/j/${meeting.id}\\?pwd=`),
          ),
        });
        expect(Number.isSafeInteger(meeting.id) && meeting.id > 9_999_999_999).toBe(true);
        expect([2, 3, 8]).toContain(meeting.type);
        if (meeting.start_time !== undefined)
          expect(meeting.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        if (meeting.agenda !== undefined) expect(meeting.agenda.length).toBeLessThanOrEqual(250);
      }
    });

    it('has awkward, realistic data relative to the sandbox clock', async () => {
      const rows = ((await meetings()).body as unknown as MeetingPage).meetings;
      const day = (iso: string | undefined) => iso?.slice(0, 10);
      expect(new Set(rows.map((r) => r.timezone)).size).toBeGreaterThanOrEqual(4);
      expect(rows.some((r) => r.type === 8)).toBe(true);
      const recurringNoTime = rows.filter((r) => r.type === 3);
      expect(recurringNoTime.length).toBeGreaterThan(0);
      expect(recurringNoTime.every((r) => r.start_time === undefined)).toBe(true);
      expect(rows.at(-1)?.start_time).toBeUndefined(); // no fixed time sorts last
      expect(rows.some((r) => r.type === 1)).toBe(false);
      expect(rows.filter((r) => !('agenda' in r))).toHaveLength(1);
      expect(rows.some((r) => r.topic.length > 150)).toBe(true);
      expect(rows.some((r) => /\p{Extended_Pictographic}/u.test(r.topic))).toBe(true);
      expect(rows.some((r) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(r.topic))).toBe(true);
      expect(rows.some((r) => /[éèçüø]/.test(r.topic))).toBe(true);
      expect(
        rows.some(
          (r) => day(r.start_time) === '2026-11-24' && Date.parse(r.start_time ?? '') > NOW,
        ),
      ).toBe(true);
      expect(rows.some((r) => day(r.start_time) === '2026-11-25')).toBe(true);
      expect(rows.some((r) => Date.parse(r.start_time ?? '') > NOW + 2 * 86_400_000)).toBe(true);
      const occurrences = rows.filter((r) => r.topic === 'Daily check-in');
      expect(occurrences).toHaveLength(2);
      expect(occurrences[0]?.id).toBe(occurrences[1]?.id);
      expect(occurrences[0]?.start_time).not.toBe(occurrences[1]?.start_time);
      const starts = rows.flatMap((r) => (r.start_time ? [r.start_time] : []));
      expect(starts).toEqual([...starts].sort());
    });

    it('filters live, upcoming and previous meetings against the sandbox clock', async () => {
      const list = async (type: string) =>
        ((await meetings(`?type=${type}`)).body as unknown as MeetingPage).meetings;
      const live = await list('live');
      expect(live.length).toBeGreaterThan(0);
      for (const row of live) {
        const start = Date.parse(row.start_time ?? '');
        expect(start <= NOW && NOW < start + row.duration * 60_000).toBe(true);
      }
      const upcoming = await list('upcoming');
      expect(upcoming.map((r) => r.id)).toEqual((await list('upcoming_meetings')).map((r) => r.id));
      expect(upcoming.some((r) => r.type === 3)).toBe(true);
      expect(live.every((row) => upcoming.some((u) => u.id === row.id))).toBe(true);
      const previous = await list('previous_meetings');
      expect(previous.length).toBeGreaterThan(0);
      for (const row of previous)
        expect(Date.parse(row.start_time ?? '') + row.duration * 60_000).toBeLessThanOrEqual(NOW);
      expect(upcoming.length + previous.length).toBe((await list('scheduled')).length);
    });

    it('pages with opaque tokens until an empty next_page_token', async () => {
      const many = await startZoomSandbox({ now: clock.now, meetingCount: 45, rateLimits: false });
      try {
        const manyToken = (await signIn(many)).access_token;
        const seen: MeetingRow[] = [];
        let next = '';
        let pages = 0;
        do {
          const query = next
            ? `?page_size=20&next_page_token=${encodeURIComponent(next)}`
            : '?page_size=20';
          const page = (await getJson(`${many.apiBaseUrl}/users/me/meetings${query}`, manyToken))
            .body as unknown as MeetingPage;
          expect(page.page_size).toBe(20);
          expect(page.total_records).toBe(45);
          seen.push(...page.meetings);
          next = page.next_page_token;
          pages += 1;
        } while (next !== '');
        expect(pages).toBe(3);
        expect(seen).toHaveLength(45);
        expect(new Set(seen.map((m) => `${m.id}@${m.start_time}`)).size).toBe(45);
      } finally {
        await many.close();
      }
    });

    it('expires page tokens after 15 minutes and rejects unknown ones', async () => {
      const first = (await meetings('?page_size=5')).body as unknown as MeetingPage;
      expect(first.next_page_token).not.toBe('');
      clock.jump(15 * 60_000 - 1);
      expect((await meetings(`?page_size=5&next_page_token=${first.next_page_token}`)).status).toBe(
        200,
      );
      clock.jump(1);
      for (const tokenValue of [first.next_page_token, 'made-up']) {
        expect(await meetings(`?next_page_token=${tokenValue}`)).toMatchObject({
          status: 400,
          body: { code: 300, message: 'The next page token is invalid or expired.' },
        });
      }
    });

    it('validates page_size (max 300) and type', async () => {
      expect(((await meetings('?page_size=300')).body as unknown as MeetingPage).page_size).toBe(
        300,
      );
      for (const query of ['?page_size=301', '?page_size=0', '?page_size=abc']) {
        const response = await meetings(query);
        expect(response.status).toBe(400);
        expect(response.body).toMatchObject({ code: 300, errors: [{ field: 'page_size' }] });
      }
      expect(await meetings('?type=everything')).toMatchObject({
        status: 400,
        body: { code: 300, errors: [{ field: 'type' }] },
      });
    });

    it('honours meetingCount', async () => {
      const few = await startZoomSandbox({ now: clock.now, meetingCount: 3 });
      try {
        const page = (
          await getJson(`${few.apiBaseUrl}/users/me/meetings`, (await signIn(few)).access_token)
        ).body;
        expect(page.total_records).toBe(3);
      } finally {
        await few.close();
      }
    });
  });
});
