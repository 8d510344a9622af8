// The API endpoints over raw HTTP: credentials, query decoding and filters, the demo data's
// promises (7-day window, just-ended meetings, the demo person's action items), summaries.
import { afterEach, describe, expect, it } from 'vitest';
import {
  FATHOM_DEMO_PERSON,
  startFathomSandbox,
  type FathomSandbox,
  type FathomSandboxOptions,
} from '../../../../main/sandbox/fathom/index.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { connect, getApi } from './fathom-kit.ts';

interface WireMeeting {
  recording_id: number;
  title: string;
  created_at: string;
  recording_end_time: string;
  share_url: string;
  url: string;
  recorded_by: { email: string };
  action_items?: { assignee: { email: string | null }; completed: boolean }[];
  default_summary?: unknown;
}
interface Page {
  limit: number;
  next_cursor: string | null;
  items: WireMeeting[];
}

const running: FathomSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});
async function start(options: FathomSandboxOptions = {}) {
  const sandbox = await startFathomSandbox({ rateLimit: false, pageSize: 50, ...options });
  running.push(sandbox);
  return sandbox;
}
const key = (sandbox: FathomSandbox) => ({ apiKey: sandbox.clients.apiKey });
async function list(sandbox: FathomSandbox, query: string) {
  const answer = await getApi(sandbox, `/meetings${query}`, key(sandbox));
  expect(answer.status).toBe(200);
  return answer.body as unknown as Page;
}

describe('credentials', () => {
  it('401 without credentials, with a wrong key, a wrong or malformed bearer token', async () => {
    const sandbox = await start();
    for (const credential of [null, { apiKey: 'nope' }, { bearer: 'nope' }]) {
      const answer = await getApi(sandbox, '/meetings', credential);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    }
    const raw = await fetch(`${sandbox.apiBaseUrl}/meetings`, {
      headers: { Authorization: sandbox.clients.apiKey },
    });
    expect(raw.status).toBe(401);
    await raw.body?.cancel();
    expect((await getApi(sandbox, '/recordings/1/summary', null)).status).toBe(401);
  });

  it('a bearer token that is not valid is refused even beside a good key', async () => {
    const sandbox = await start();
    const response = await fetch(`${sandbox.apiBaseUrl}/meetings`, {
      headers: { Authorization: 'Bearer nope', 'X-Api-Key': sandbox.clients.apiKey },
    });
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});

describe('GET /meetings', () => {
  it('decodes recorded_by[] written literally and percent-encoded, and filters on it', async () => {
    const sandbox = await start();
    const all = await list(sandbox, '');
    const literal = await list(sandbox, '?recorded_by[]=tomas.rivera@example.com');
    const encoded = await list(sandbox, '?recorded_by%5B%5D=tomas.rivera%40example.com');
    expect(literal.items.length).toBe(2);
    expect(encoded.items.map((m) => m.recording_id)).toEqual(
      literal.items.map((m) => m.recording_id),
    );
    expect(literal.items.every((m) => m.recorded_by.email === 'tomas.rivera@example.com')).toBe(
      true,
    );
    const both = await list(
      sandbox,
      '?recorded_by%5B%5D=tomas.rivera%40example.com&recorded_by[]=priya.raman@example.com',
    );
    expect(both.items.length).toBe(4);
    expect(both.items.length).toBeLessThan(all.items.length);
  });

  it('created_after / created_before filter on created_at', async () => {
    const clock = createFakeClock();
    const sandbox = await start({ now: clock.now });
    const weekAgo = new Date(clock.now() - 7 * 86_400_000).toISOString();
    const recent = await list(sandbox, `?created_after=${encodeURIComponent(weekAgo)}`);
    const older = await list(sandbox, `?created_before=${encodeURIComponent(weekAgo)}`);
    expect(recent.items.length).toBe(8);
    expect(older.items.length).toBe(2);
    expect(recent.items.every((m) => Date.parse(m.created_at) > Date.parse(weekAgo))).toBe(true);
    expect(older.items.every((m) => Date.parse(m.created_at) < Date.parse(weekAgo))).toBe(true);
    expect((await getApi(sandbox, '/meetings?created_after=yesterday', key(sandbox))).status).toBe(
      400,
    );
  });

  it('demo data: 8 in the past 7 days, 2 ended within 3 hours, the demo person has open and done items', async () => {
    const clock = createFakeClock();
    const sandbox = await start({ now: clock.now });
    const page = await list(sandbox, '?include_action_items=true');
    expect(page.items.length).toBe(10);
    const ended = page.items.map((m) => clock.now() - Date.parse(m.recording_end_time));
    expect(ended.filter((ms) => ms > 0 && ms < 3 * 3_600_000).length).toBe(2);
    expect(ended.filter((ms) => ms > 7 * 86_400_000).length).toBe(2);
    expect(page.items.map((m) => m.created_at)).toEqual(
      [...page.items.map((m) => m.created_at)].sort().reverse(),
    );
    const items = page.items.flatMap((m) => m.action_items ?? []);
    const mine = items.filter((a) => a.assignee.email === FATHOM_DEMO_PERSON.email);
    expect(mine.some((a) => a.completed)).toBe(true);
    expect(mine.some((a) => !a.completed)).toBe(true);
    expect(
      items.some((a) => a.assignee.email && a.assignee.email !== FATHOM_DEMO_PERSON.email),
    ).toBe(true);
    expect(page.items.every((m) => m.share_url.startsWith('https://fathom.video/share/'))).toBe(
      true,
    );
    expect(page.items.every((m) => m.url === `https://fathom.video/calls/${m.recording_id}`)).toBe(
      true,
    );
    expect(page.items.map((m) => m.action_items?.length ?? 0).every((n) => n <= 4)).toBe(true);
    // The same ids and times from a second sandbox on the same clock: deterministic.
    const again = await list(await start({ now: clock.now }), '');
    expect(again.items.map((m) => [m.recording_id, m.created_at])).toEqual(
      page.items.map((m) => [m.recording_id, m.created_at]),
    );
  });

  it('always sends limit and next_cursor; cursors are opaque and bound to their query', async () => {
    const sandbox = await start({ pageSize: 3 });
    const first = await list(sandbox, '');
    expect(first).toMatchObject({ limit: 3, next_cursor: expect.any(String) });
    const second = await list(sandbox, `?cursor=${encodeURIComponent(first.next_cursor!)}`);
    expect(second.items[0]?.recording_id).not.toBe(first.items[0]?.recording_id);
    const onlyTomas = await list(sandbox, '?recorded_by[]=tomas.rivera@example.com');
    expect(onlyTomas).toEqual({ limit: 3, next_cursor: null, items: expect.any(Array) });
    const misused = await getApi(
      sandbox,
      `/meetings?recorded_by[]=x@example.com&cursor=${encodeURIComponent(first.next_cursor!)}`,
      key(sandbox),
    );
    expect(misused.status).toBe(400);
    expect((await getApi(sandbox, '/meetings?cursor=garbage', key(sandbox))).status).toBe(400);
  });

  it('include_summary: ignored for OAuth tokens by default, refused with the switch, served to API keys', async () => {
    const sandbox = await start();
    const token = (await connect(sandbox)).access_token;
    const oauth = await getApi(sandbox, '/meetings?include_summary=true', { bearer: token });
    expect(oauth.status).toBe(200);
    expect((oauth.body as unknown as Page).items.every((m) => !('default_summary' in m))).toBe(
      true,
    );
    const withKey = await list(sandbox, '?include_summary=true');
    expect(withKey.items.filter((m) => m.default_summary === null).length).toBe(1);
    expect(withKey.items.filter((m) => m.default_summary).length).toBe(9);

    const strict = await start({ includeSummaryForOAuth: 'reject' });
    const strictToken = (await connect(strict)).access_token;
    for (const flag of ['include_summary', 'include_transcript'])
      expect((await getApi(strict, `/meetings?${flag}=true`, { bearer: strictToken })).status).toBe(
        400,
      );
    expect(
      (await getApi(strict, '/meetings?include_summary=false', { bearer: strictToken })).status,
    ).toBe(200);
  });
});

describe('GET /recordings/{id}/summary', () => {
  it('200 with markdown, {summary:null} while processing, 404 unknown, 400 non-integer', async () => {
    const sandbox = await start();
    const [newest, older] = (await list(sandbox, '')).items;
    const processing = await getApi(
      sandbox,
      `/recordings/${newest!.recording_id}/summary`,
      key(sandbox),
    );
    expect(processing).toMatchObject({ status: 200, body: { summary: null } });
    const ready = await getApi(sandbox, `/recordings/${older!.recording_id}/summary`, key(sandbox));
    expect(ready.status).toBe(200);
    const summary = (
      ready.body as { summary: { template_name: string; markdown_formatted: string } }
    ).summary;
    expect(summary.template_name).toBe('General');
    expect(summary.markdown_formatted).toContain('## Key Takeaways\n\n- ');
    expect((await getApi(sandbox, '/recordings/12345/summary', key(sandbox))).status).toBe(404);
    for (const id of ['abc', '1.5', '-3', '%31x'])
      expect((await getApi(sandbox, `/recordings/${id}/summary`, key(sandbox))).status).toBe(400);
  });
});

describe('wire faults', () => {
  it("reuses the Zoom sandbox's wire faults on the API (a proxy's challenge here)", async () => {
    const sandbox = await start({ faults: { wire: { api: { kind: 'proxy-challenge' } } } });
    const response = await fetch(`${sandbox.apiBaseUrl}/meetings`, {
      headers: { 'X-Api-Key': sandbox.clients.apiKey },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="proxy"');
    await response.body?.cancel();
    sandbox.setFaults({});
    expect((await getApi(sandbox, '/meetings', key(sandbox))).status).toBe(200);
  });

  it('a stalled token endpoint reads the request and never answers', async () => {
    const sandbox = await start({ faults: { wire: { token: { kind: 'stall' } } } });
    const abort = new AbortController();
    const pending = fetch(`${sandbox.url}/external/v1/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token',
      signal: abort.signal,
    });
    const settled = pending.then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    // Wait (on the event loop, not a timer) until the request has arrived.
    while (!sandbox.counters().requests['POST /external/v1/oauth2/token'])
      await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    abort.abort();
    expect(await settled).toBe('AbortError');
    expect(sandbox.counters().grants).toEqual({}); // it never reached the grant
  });

  it('injects 500s on the API', async () => {
    const sandbox = await start({ faults: { serverErrorRate: 1 } });
    expect((await getApi(sandbox, '/meetings', key(sandbox))).status).toBe(500);
  });
});
