// Issue 10, items 1, 6, 8 on the Zoom API: the app's API client against the Zoom sandbox over
// real sockets, with the sandbox misbehaving on purpose. Short real deadlines; nothing is timed.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/errors.ts';
import { createZoomApi, type ZoomApiDeps } from '../../../main/core/zoom/zoom-api.ts';
import {
  startZoomSandbox,
  type ZoomSandbox,
  type ZoomSandboxOptions,
} from '../../../main/sandbox/index.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { signInToSandbox } from '../core/zoom/sandbox-grant.ts';
import { MB, rejectionOf } from './wire-kit.ts';

let sandbox: ZoomSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function connect(
  options: ZoomSandboxOptions = {},
  limits: Pick<ZoomApiDeps, 'requestDeadlineMs' | 'maxResponseBytes'> = {},
) {
  sandbox = await startZoomSandbox({ rateLimits: false, ...options });
  const auth = await signInToSandbox(sandbox);
  const logger = createCapturingLogger();
  const api = createZoomApi({ fetch, auth, clock: createFakeClock(Date.now()), logger, ...limits });
  return { sandbox, api, logger };
}

async function appFailure(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('an API that never finishes answering', () => {
  it.each([
    ['stalls before its headers', { kind: 'stall' } as const],
    ['drips its body a byte at a time', { kind: 'drip', intervalMs: 20 } as const],
  ])('that %s: the call gives up at its deadline with timeout', async (_name, fault) => {
    const { sandbox, api } = await connect({}, { requestDeadlineMs: 400 });
    sandbox.setFaults({ wire: { api: fault } });

    expect((await appFailure(api.getProfile())).code).toBe('timeout');
    expect((await appFailure(api.listUpcomingMeetings())).code).toBe('timeout');

    sandbox.setFaults({});
    await expect(api.getProfile()).resolves.toMatchObject({ displayName: expect.any(String) });
  });
});

describe('a 200 MB API answer', () => {
  it.each([
    ['streamed (chunked)', false],
    ['with its Content-Length declared', true],
  ])('%s is refused without reading it, and memory stays flat', async (_name, declareLength) => {
    const { sandbox, api } = await connect();
    sandbox.setFaults({ wire: { api: { kind: 'oversized', bytes: 200 * MB, declareLength } } });
    const rssBefore = process.memoryUsage().rss;

    const error = await appFailure(api.listUpcomingMeetings());

    expect(error.code).toBe('server_error');
    expect(error.message).toContain('8 MB');
    expect(sandbox.counters().oversizedBytesWritten).toBeLessThan(40 * MB);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * MB);
  });
});

describe('a meeting list whose next_page_token repeats', () => {
  it('keeps the rows already read and says the list may be incomplete', async () => {
    const { sandbox, api, logger } = await connect({
      meetingCount: 650,
      faults: { repeatPageToken: true },
    });

    const list = await api.readUpcomingMeetings();

    expect(list.incomplete).toBe(true);
    // Page one (300 rows), then page two (300) whose token repeats: 600 of 650 kept.
    expect(sandbox.counters().requests['GET /v2/users/me/meetings']).toBe(2);
    expect(new Set(list.meetings.map((m) => m.key)).size).toBe(list.meetings.length);
    expect(list.meetings.length).toBeGreaterThan(300);
    expect(logger.text()).toContain('repeated a page token');

    sandbox.setFaults({});
    const whole = await api.readUpcomingMeetings();
    expect(whole.incomplete).toBe(false);
    expect(whole.meetings.length).toBeGreaterThan(list.meetings.length);
  });
});
