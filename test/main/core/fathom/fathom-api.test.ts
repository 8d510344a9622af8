// The Fathom API wrapper over real HTTP on 127.0.0.1 (the scripted Fathom server): paging,
// mapping, and every failure the SDK would otherwise hide or throw untyped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors.ts';
import { FATHOM_MAX_PAGES, createFathomApi } from '../../../../main/core/fathom/fathom-api.ts';
import type {
  FathomCredential,
  FathomCredentialSource,
} from '../../../../main/core/fathom/fathom-api.types.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import { createFakeClock, type FakeClock } from '../../../fakes/fake-clock.ts';
import {
  API_KEY,
  meetingJson,
  startScriptedFathomServer,
  type ScriptedFathomServer,
} from './scripted-fathom-server.ts';

const SINCE = new Date('2026-11-23T09:00:00Z');

let server: ScriptedFathomServer;
let clock: FakeClock;
let logger: ReturnType<typeof createCapturingLogger>;

beforeEach(async () => {
  server = await startScriptedFathomServer({ pageSize: 2, meetingCount: 5 });
  clock = createFakeClock();
  logger = createCapturingLogger();
});

afterEach(async () => {
  await server.close();
});

/** A source that hands out one credential and counts what it was asked. */
function fixedSource(credential: FathomCredential) {
  const asked: Parameters<FathomCredentialSource['current']>[0][] = [];
  const source: FathomCredentialSource = {
    async current(options) {
      asked.push(options);
      if (options?.forceRefresh)
        throw new AppError('fathom_key_invalid', 'Fathom refused the API key.');
      return credential;
    },
  };
  return { source, asked };
}

function api(
  options: { credentials?: FathomCredentialSource; deadlineMs?: number; baseUrl?: string } = {},
) {
  return createFathomApi({
    fetch,
    credentials: options.credentials ?? fixedSource({ kind: 'api-key', apiKey: API_KEY }).source,
    baseUrl: options.baseUrl ?? server.apiBaseUrl,
    clock,
    logger,
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const page = (items: unknown[], nextCursor: string | null) => ({
  body: { limit: 2, next_cursor: nextCursor, items },
});

describe('listMeetings', () => {
  it('follows the cursor through 3 pages with created_after = since and action items, X-Api-Key only', async () => {
    const { meetings, incomplete } = await api().listMeetings({ since: SINCE });
    expect(incomplete).toBe(false);
    expect(meetings.map((m) => m.recordingId)).toEqual([1, 2, 3, 4, 5]);
    expect(server.apiRequests).toHaveLength(3);
    expect(server.apiRequests.map((r) => r.query.get('cursor'))).toEqual([
      null,
      'page-2',
      'page-3',
    ]);
    for (const request of server.apiRequests) {
      expect(request.path).toBe('/external/v1/meetings');
      expect(request.query.get('created_after')).toBe('2026-11-23T09:00:00.000Z');
      expect(request.query.get('include_action_items')).toBe('true');
      expect(request.query.get('include_summary')).not.toBe('true');
      expect(request.apiKey).toBe(API_KEY);
      expect(request.authorization).toBeNull();
      expect(request.target).not.toContain(API_KEY);
    }
  });

  it('maps Fathom meetings to FathomMeeting', async () => {
    const { meetings } = await api().listMeetings({ since: SINCE });
    expect(meetings[1]).toEqual({
      recordingId: 2,
      title: 'Meeting 2',
      startedAt: '2026-11-24T11:01:00.000Z',
      endedAt: '2026-11-24T11:29:00.000Z',
      shareUrl: 'https://fathom.video/share/s2',
      url: 'https://fathom.video/calls/2',
      recordedBy: { name: 'Dana Park', email: 'dana@acme.com' },
      actionItems: [
        {
          description: 'Follow up on 2',
          completed: true,
          assignee: { name: 'Dana Park', email: 'dana@acme.com' },
          playbackUrl: 'https://fathom.video/calls/2?timestamp=1274',
          timestamp: '00:21:14',
        },
      ],
    });
  });

  it('falls back to the calendar title, and to no action items when Fathom sends null', async () => {
    server.setScript(() =>
      page([meetingJson(7, { title: '', meeting_title: 'Weekly sync', action_items: null })], null),
    );
    const { meetings } = await api().listMeetings({ since: SINCE });
    expect(meetings[0]).toMatchObject({ title: 'Weekly sync', actionItems: [] });
  });

  it(`stops at ${FATHOM_MAX_PAGES} pages, keeping what was read, incomplete`, async () => {
    let served = 0;
    server.setScript(() => {
      served += 1;
      return page([meetingJson(served)], `cursor-${served}`);
    });
    const { meetings, incomplete } = await api().listMeetings({ since: SINCE });
    expect(server.apiRequests).toHaveLength(FATHOM_MAX_PAGES);
    expect(meetings).toHaveLength(FATHOM_MAX_PAGES);
    expect(incomplete).toBe(true);
  });

  it('a repeating cursor stops paging, keeping what was read, incomplete', async () => {
    let served = 0;
    server.setScript(() => {
      served += 1;
      return page([meetingJson(served)], served === 1 ? 'a' : 'b');
    });
    const { meetings, incomplete } = await api().listMeetings({ since: SINCE });
    expect(server.apiRequests.map((r) => r.query.get('cursor'))).toEqual([null, 'a', 'b']);
    expect(meetings.map((m) => m.recordingId)).toEqual([1, 2, 3]);
    expect(incomplete).toBe(true);
  });

  it('an empty list is an empty list (one request)', async () => {
    server.setScript(() => page([], null));
    await expect(api().listMeetings({ since: SINCE })).resolves.toEqual({
      meetings: [],
      incomplete: false,
    });
    expect(server.apiRequests).toHaveLength(1);
  });
});

describe('getSummary', () => {
  it('returns the template name and markdown', async () => {
    await expect(api().getSummary(3)).resolves.toEqual({
      templateName: 'General',
      markdown: '## Meeting 3\n- point',
    });
    expect(server.apiRequests[0]?.path).toBe('/external/v1/recordings/3/summary');
  });

  it('{summary: null} (still being written) maps to markdown null', async () => {
    server.setScript(() => ({ body: { summary: null } }));
    await expect(api().getSummary(3)).resolves.toEqual({ templateName: null, markdown: null });
  });

  it('404 → fathom_not_found', async () => {
    expect((await failure(api().getSummary(999))).code).toBe('fathom_not_found');
  });
});

describe('failures become typed AppErrors', () => {
  it('a shape mismatch → fathom_schema_mismatch; the log names the field, never the body', async () => {
    server.setScript(() =>
      page([meetingJson(1, { recording_id: 'not-a-number', title: 'SECRET-TITLE-MARKER' })], null),
    );
    const error = await failure(api().listMeetings({ since: SINCE }));
    expect(error.code).toBe('fathom_schema_mismatch');
    expect(error.message).toMatch(/shape Meeting Tray does not understand/);
    expect(error.message).not.toContain('SECRET-TITLE-MARKER');
    expect(logger.text()).toContain('items.0.recording_id');
    expect(logger.text()).not.toContain('SECRET-TITLE-MARKER');
  });

  it('a list without next_cursor → fathom_schema_mismatch (never "no meetings")', async () => {
    server.setScript(() => ({ body: { limit: 2, items: [] } }));
    expect((await failure(api().listMeetings({ since: SINCE }))).code).toBe(
      'fathom_schema_mismatch',
    );
  });

  it('a 200 that is not JSON → fathom_schema_mismatch', async () => {
    server.setScript(() => ({ raw: '<html>hi</html>', headers: { 'content-type': 'text/html' } }));
    expect((await failure(api().getSummary(1))).code).toBe('fathom_schema_mismatch');
  });

  it.each([
    [
      'RateLimit-Reset seconds',
      { 'ratelimit-limit': '60', 'ratelimit-remaining': '0', 'ratelimit-reset': '42' },
      42_000,
    ],
    ['Retry-After seconds', { 'retry-after': '120', 'ratelimit-reset': '42' }, 120_000],
    ['no headers at all', {}, 60_000],
  ])('429 with %s → rate_limited with retryAt', async (_name, headers, waitMs) => {
    server.setScript(() => ({ status: 429, body: { message: 'slow down' }, headers }));
    const error = await failure(api().listMeetings({ since: SINCE }));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAt).toBe(clock.now() + waitMs);
    expect(server.apiRequests).toHaveLength(1);
  });

  it.each([
    [400, 'server_error'],
    [403, 'server_error'],
    [500, 'server_error'],
    [503, 'server_error'],
  ])('HTTP %i → %s', async (status, code) => {
    server.setScript(() => ({ status, body: { error: 'x' } }));
    const error = await failure(api().listMeetings({ since: SINCE }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(String(status));
  });

  it('a stalled server → timeout within the (shortened) deadline', async () => {
    server.setScript(() => ({ stall: true }));
    const error = await failure(api({ deadlineMs: 200 }).listMeetings({ since: SINCE }));
    expect(error.code).toBe('timeout');
  });

  it('an answer over the size cap is not read → server_error', async () => {
    server.setScript(() => page([meetingJson(1, { title: 'x'.repeat(20_000) })], null));
    const capped = createFathomApi({
      fetch,
      credentials: fixedSource({ kind: 'api-key', apiKey: API_KEY }).source,
      baseUrl: server.apiBaseUrl,
      clock,
      logger,
      maxResponseBytes: 10_000,
    });
    const error = await failure(capped.listMeetings({ since: SINCE }));
    expect(error.code).toBe('server_error');
    expect(logger.text()).toContain('too_large');
  });

  it('nothing listening → offline', async () => {
    const closed = await startScriptedFathomServer();
    await closed.close();
    const error = await failure(api({ baseUrl: closed.apiBaseUrl }).getSummary(1));
    expect(error.code).toBe('offline');
  });

  it('the credential source failing rejects with its own error, and nothing is sent', async () => {
    const credentials: FathomCredentialSource = {
      current: async () => {
        throw new AppError('offline', 'no network for the refresh');
      },
    };
    const error = await failure(api({ credentials }).listMeetings({ since: SINCE }));
    expect(error.code).toBe('offline');
    expect(server.apiRequests).toHaveLength(0);
  });

  it('an API key refused → fathom_key_invalid after one request (nothing to refresh)', async () => {
    const { source, asked } = fixedSource({ kind: 'api-key', apiKey: 'wrong-key' });
    const error = await failure(api({ credentials: source }).listMeetings({ since: SINCE }));
    expect(error.code).toBe('fathom_key_invalid');
    expect(server.apiRequests).toHaveLength(1);
    expect(asked[1]).toMatchObject({
      forceRefresh: true,
      rejected: { kind: 'api-key', apiKey: 'wrong-key' },
    });
  });

  it('userInitiated reaches the credential source', async () => {
    const { source, asked } = fixedSource({ kind: 'api-key', apiKey: API_KEY });
    await api({ credentials: source }).listMeetings({ since: SINCE, userInitiated: true });
    expect(asked[0]).toEqual({ userInitiated: true });
  });
});

describe('no unhandled promise rejection on any path', () => {
  it('runs every failure path with an unhandledRejection listener that records none', async () => {
    const leaked: unknown[] = [];
    const onLeak = (reason: unknown) => leaked.push(reason);
    process.on('unhandledRejection', onLeak);
    try {
      const replies = [
        { status: 401, body: {} },
        { status: 429, body: {} },
        { status: 400, body: {} },
        { status: 404, body: {} },
        { status: 500, body: {} },
        { body: { limit: 1, next_cursor: null, items: [{ recording_id: 'x' }] } },
        { raw: 'not json', headers: { 'content-type': 'text/plain' } },
        { stall: true },
      ];
      for (const reply of replies) {
        server.setScript(() => reply);
        await failure(api({ deadlineMs: 100 }).listMeetings({ since: SINCE }));
        await failure(api({ deadlineMs: 100 }).getSummary(1));
      }
      const throwing: FathomCredentialSource = {
        current: async () => {
          throw new Error('not an AppError');
        },
      };
      expect((await failure(api({ credentials: throwing }).getSummary(1))).code).toBe('unknown');
      const closed = await startScriptedFathomServer();
      await closed.close();
      await failure(api({ baseUrl: closed.apiBaseUrl }).listMeetings({ since: SINCE }));
      // Unhandled rejections are reported after the microtask queue drains: let it.
      for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', onLeak);
    }
    expect(leaked).toEqual([]);
  });
});
