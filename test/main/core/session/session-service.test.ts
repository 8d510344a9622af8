import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../preload/contract.ts';
import { AppError } from '../../../../main/core/errors.ts';
import type { SettingsStore } from '../../../../main/core/ports.ts';
import { SETTINGS_UNSAVED_NOTICE } from '../../../../main/core/session/guarded-settings.ts';
import {
  SESSION_CACHE_KEY,
  type SessionData,
} from '../../../../main/core/session/session-cache.ts';
import {
  createSessionService,
  type SessionService,
} from '../../../../main/core/session/session-service.ts';
import { createMinuteTicks } from '../../../../main/core/time/minute-ticker.ts';
import { RateLimitError } from '../../../../main/core/zoom/zoom-errors.ts';
import { createFakeAuth } from '../../../fakes/fake-auth.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import {
  ada,
  createFakeWake,
  createFakeZoom,
  createRecordingLogger,
  meeting,
} from './session-fakes.ts';

const MINUTE = 60_000;
const START = Date.parse('2026-11-24T09:00:00Z');
const at = (hhmm: string) => Date.parse(`2026-11-24T${hhmm}:00Z`);
const cached: SessionData = {
  profile: { ...ada, displayName: 'Ada (cached)' },
  meetings: [meeting('111', '2026-11-24T12:00:00Z', 'Cached meeting')],
  updatedAt: START - 3_600_000,
};
/** Nothing within the hour: the quiet background cadence applies. */
const tomorrow = [meeting('85746065432', '2026-11-25T15:00:00Z')];

const sessions: SessionService[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

interface SetupOptions {
  stored?: boolean;
  cache?: unknown;
  sessionOnly?: boolean;
  demo?: boolean;
  settings?: SettingsStore;
}

function setup(options: SetupOptions = {}) {
  const clock = createFakeClock(START);
  const memory = createMemorySettingsStore(
    options.cache === undefined ? {} : { [SESSION_CACHE_KEY]: options.cache },
  );
  const auth = createFakeAuth({
    stored: options.stored ?? false,
    sessionOnly: options.sessionOnly
      ? { code: 'keychain_unavailable', message: 'Your sign-in lasts until you quit.' }
      : null,
  });
  const zoom = createFakeZoom({ meetings: tomorrow, now: clock.now });
  const wake = createFakeWake();
  const { logger, lines } = createRecordingLogger();
  const session = createSessionService({
    auth,
    zoom: zoom.api,
    settings: options.settings ?? memory,
    clock,
    wake: wake.wake,
    minuteTicks: createMinuteTicks({ clock }),
    logger,
    demo: options.demo ?? false,
  });
  sessions.push(session);
  const states: SessionState[] = [];
  session.subscribe((state) => states.push(state));
  const settle = () => clock.advance(0);
  return { clock, settings: memory, auth, zoom, wake, session, states, lines, settle };
}

function storedCache(data: SessionData) {
  return { userId: data.profile.id, ...data };
}

async function signedInSession(options: SetupOptions = {}) {
  const t = setup({ stored: true, ...options });
  await t.session.start();
  await t.settle();
  expect(t.session.getState().kind).toBe('signed-in');
  return t;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function signedInState(session: SessionService) {
  const state = session.getState();
  if (state.kind !== 'signed-in') throw new Error(`expected signed-in, got ${state.kind}`);
  return state;
}

describe('start', () => {
  it('without a stored sign-in shows signed-out and calls no API, however long it runs', async () => {
    const t = setup({ cache: storedCache(cached), demo: true, sessionOnly: true });
    await t.session.start();
    await t.clock.advance(6 * 60 * MINUTE);

    expect(t.session.getState()).toEqual({
      kind: 'signed-out',
      reason: null,
      demo: true,
      sessionOnly: { code: 'keychain_unavailable', message: 'Your sign-in lasts until you quit.' },
      settingsUnsaved: null,
    });
    expect(t.zoom.calls).toEqual({ profile: 0, meetings: 0 });
    // A signed-out machine keeps nothing of the last person.
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();
  });

  it('shows the cached profile and meetings at once, stale until refreshed, with no token request', async () => {
    const t = setup({ stored: true, cache: storedCache(cached) });
    const release = t.zoom.hold();
    await t.session.start();

    expect(t.states[0]).toMatchObject({
      kind: 'signed-in',
      profile: cached.profile,
      meetings: cached.meetings,
      updatedAt: cached.updatedAt,
      stale: true,
      refreshing: true,
    });
    expect(t.states).toHaveLength(1);
    expect(t.auth.tokenRequests()).toBe(0);

    release();
    await t.settle();
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-in',
      profile: ada,
      updatedAt: START,
      refreshing: false,
      stale: false,
    });
    expect(t.auth.tokenRequests()).toBe(0);
  });

  it('resolves with the cached data on screen while the token is still being renewed', async () => {
    const t = setup({ stored: true, cache: storedCache(cached) });
    // As after an expiry: the keychain says who is signed in, then the token endpoint is slow.
    let tokenAnswered = () => {};
    const restoreStored = t.auth.restore;
    t.auth.restore = async () => {
      await restoreStored();
      await new Promise<void>((resolve) => (tokenAnswered = resolve));
    };
    const release = t.zoom.hold();
    let started = false;
    const start = t.session.start().then(() => (started = true));
    await t.settle();

    expect(started).toBe(true);
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-in',
      profile: cached.profile,
      stale: true,
      refreshing: true,
    });
    tokenAnswered();
    release();
    await start;
    await t.settle();
    expect(t.session.getState()).toMatchObject({ profile: ada, stale: false });
  });

  it('keeps showing the cache after a restart while offline, marked stale and offline', async () => {
    const t = setup({ stored: true, cache: storedCache(cached) });
    t.zoom.fail(new AppError('offline', "Can't reach Zoom."));
    await t.session.start();
    await t.settle();

    expect(t.session.getState()).toMatchObject({
      kind: 'signed-in',
      profile: cached.profile,
      meetings: cached.meetings,
      updatedAt: cached.updatedAt,
      stale: true,
      offline: true,
      problem: null,
      refreshing: false,
    });
  });

  it('ignores a cache whose shape is wrong or whose owner does not match its profile', async () => {
    const wrongOwner = setup({
      stored: true,
      cache: { ...storedCache(cached), userId: 'someone-else' },
    });
    wrongOwner.zoom.hold();
    await wrongOwner.session.start();
    expect(wrongOwner.session.getState()).toMatchObject({
      kind: 'signing-in',
      authorizationUrl: null,
    });

    const broken = setup({
      stored: true,
      cache: { ...storedCache(cached), meetings: [{ id: 1 }] },
    });
    broken.zoom.hold();
    await broken.session.start();
    expect(broken.session.getState().kind).toBe('signing-in');
  });

  it('shows an error state when restoring the sign-in fails', async () => {
    const t = setup();
    t.auth.restore = () =>
      Promise.reject(new AppError('keychain_locked', 'Unlock your keychain, then try again.'));
    await t.session.start();
    expect(t.session.getState()).toEqual({
      kind: 'error',
      code: 'keychain_locked',
      message: 'Unlock your keychain, then try again.',
      demo: false,
      sessionOnly: null,
      settingsUnsaved: null,
    });
  });
});

describe('sign-in', () => {
  it('goes signed-out → signing-in(url) → loading → signed-in and caches the data', async () => {
    const t = setup();
    await t.session.start();
    const signIn = t.session.signIn();
    expect(t.session.getState()).toMatchObject({
      kind: 'signing-in',
      authorizationUrl: expect.stringContaining('/oauth/authorize'),
    });

    const release = t.zoom.hold();
    t.auth.completeSignIn();
    await signIn;
    expect(t.session.getState()).toMatchObject({ kind: 'signing-in', authorizationUrl: null });

    release();
    await t.settle();
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-in',
      profile: ada,
      updatedAt: START,
      stale: false,
      offline: false,
      problem: null,
      incomplete: false,
    });
    expect(t.states.map((s) => s.kind)).toEqual([
      'signed-out',
      'signing-in',
      'signing-in',
      'signing-in',
      'signed-in',
    ]);
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toMatchObject({
      userId: ada.id,
      profile: ada,
    });
  });

  it('asks for the profile and the meetings at the same time: one round trip, not two', async () => {
    const t = setup();
    await t.session.start();
    const release = t.zoom.hold();
    const signIn = t.session.signIn();
    t.auth.completeSignIn();
    await signIn;
    await t.settle();

    expect(t.zoom.calls).toEqual({ profile: 1, meetings: 1 });
    expect(t.zoom.mostInFlight()).toBe(2);
    expect(t.session.getState().kind).toBe('signing-in');
    release();
    await t.settle();
    expect(t.session.getState().kind).toBe('signed-in');
  });

  it('when one of the two requests fails, the load fails with the error that matters most', async () => {
    const t = setup();
    await t.session.start();
    const expired = new AppError('session_expired', 'Sign in again.');
    t.zoom.api.getProfile = () => Promise.reject(new AppError('server_error', 'Zoom trouble.'));
    t.zoom.api.readUpcomingMeetings = () => Promise.reject(expired);
    const signIn = t.session.signIn();
    t.auth.completeSignIn();
    await signIn;
    await t.settle();
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'session_expired' },
    });
  });

  it('a refused consent rejects signIn and shows signed-out with the reason', async () => {
    const t = setup();
    await t.session.start();
    const signIn = t.session.signIn();
    t.auth.failSignIn(new AppError('access_denied', 'You chose Deny in Zoom.'));
    expect((await rejection(signIn)).code).toBe('access_denied');
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'access_denied', message: 'You chose Deny in Zoom.' },
    });

    // Trying again clears the old reason.
    void t.session.signIn().catch(() => {});
    expect(t.session.getState().kind).toBe('signing-in');
    t.session.cancelSignIn();
    await t.settle();
    expect(t.session.getState()).toMatchObject({ kind: 'signed-out', reason: null });
  });

  it('a first load that fails with no cache shows an error state, and a later refresh recovers', async () => {
    const t = setup();
    await t.session.start();
    t.zoom.fail(new AppError('missing_scope', 'The Zoom app lacks a scope: user:read:user.'));
    const signIn = t.session.signIn();
    t.auth.completeSignIn();
    await signIn;
    await t.settle();
    expect(t.session.getState()).toMatchObject({ kind: 'error', code: 'missing_scope' });

    t.zoom.fail(null);
    await t.session.refresh();
    expect(t.session.getState()).toMatchObject({ kind: 'signed-in', profile: ada });
  });

  it('replaces the data (and cache) when a different account signs in', async () => {
    const t = await signedInSession();
    const jonas = { ...ada, id: 'other-user', displayName: 'Jonas' };
    t.zoom.answer({ profile: jonas, meetings: [] });
    await t.session.refresh();
    await t.settle();
    expect(t.session.getState()).toMatchObject({ kind: 'signed-in', profile: jonas, meetings: [] });
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toMatchObject({ userId: 'other-user' });
  });
});

describe('background refresh policy', () => {
  it('with nothing soon and the window hidden: the list every 20 minutes, the profile every 6 hours', async () => {
    const t = await signedInSession();
    await t.clock.advance(60 * MINUTE);
    expect(t.zoom.meetingCallTimes).toEqual([at('09:00'), at('09:20'), at('09:40'), at('10:00')]);
    expect(t.zoom.calls.profile).toBe(1);

    await t.clock.advance(5 * 60 * MINUTE);
    expect(t.zoom.calls.meetings).toBe(1 + 18);
    expect(t.zoom.calls.profile).toBe(2);
    expect(signedInState(t.session).updatedAt).toBe(at('15:00'));
  });

  it('every 5 minutes while a meeting starts within the hour', async () => {
    const t = setup({ stored: true });
    t.zoom.answer({ meetings: [meeting('1', '2026-11-24T09:40:00Z'), ...tomorrow] });
    await t.session.start();
    await t.clock.advance(60 * MINUTE);
    // Busy until the meeting starts at 09:40, quiet again after it.
    expect(t.zoom.meetingCallTimes).toEqual([
      ...[0, 5, 10, 15, 20, 25, 30, 35].map((m) => START + m * MINUTE),
      at('09:55'),
    ]);
  });

  it('every 5 minutes while the window is open, and at once when it opens on an old list', async () => {
    const t = await signedInSession();
    await t.clock.advance(12 * MINUTE);
    t.session.setWindowVisible(true);
    await t.settle();
    expect(t.zoom.meetingCallTimes).toEqual([at('09:00'), at('09:12')]);

    await t.clock.advance(10 * MINUTE);
    expect(t.zoom.meetingCallTimes.slice(2)).toEqual([at('09:17'), at('09:22')]);

    t.session.setWindowVisible(false);
    await t.clock.advance(20 * MINUTE);
    expect(t.zoom.meetingCallTimes.slice(4)).toEqual([at('09:42')]);

    // Opened again soon after a fetch: no extra request, and the busy cadence from that fetch.
    await t.clock.advance(2 * MINUTE);
    t.session.setWindowVisible(true);
    await t.settle();
    expect(t.zoom.meetingCallTimes).toHaveLength(5);
    await t.clock.advance(3 * MINUTE);
    expect(t.zoom.meetingCallTimes.slice(5)).toEqual([at('09:47')]);
  });

  describe.each([
    ['the window is open', { windowOpen: true, userActive: false, soon: [] }],
    ['the person is at the computer', { windowOpen: false, userActive: true, soon: [] }],
    [
      'another meeting starts within the hour',
      { windowOpen: false, userActive: false, soon: [meeting('2', '2026-11-24T09:50:00Z')] },
    ],
  ])('while %s', (_name, { windowOpen, userActive, soon }) => {
    it.each([0.5, 2.5, 4.99])(
      'a meeting added on the server %s min after a fetch appears within 5 minutes',
      async (addedAfterMinutes) => {
        const t = setup({ stored: true });
        t.zoom.answer({ meetings: [...soon, ...tomorrow] });
        t.session.setWindowVisible(windowOpen);
        t.session.setUserActive(userActive);
        await t.session.start();
        await t.clock.advance(20 * MINUTE);
        const lastFetch = t.zoom.meetingCallTimes.at(-1)!;
        await t.clock.advance(lastFetch + addedAfterMinutes * MINUTE - t.clock.now());

        const added = meeting('99', '2026-11-24T10:15:00Z', 'Added on the server');
        t.zoom.answer({ meetings: [...soon, added, ...tomorrow] });
        await t.clock.advance(5 * MINUTE);
        expect(signedInState(t.session).meetings.map((m) => m.topic)).toContain(
          'Added on the server',
        );
      },
    );
  });

  it('nobody there and nothing soon: every 20 minutes; the person comes back to an old list: at once', async () => {
    const t = await signedInSession();
    await t.clock.advance(45 * MINUTE);
    expect(t.zoom.meetingCallTimes).toEqual([at('09:00'), at('09:20'), at('09:40')]);
    await t.clock.advance(2 * MINUTE);
    t.session.setUserActive(true);
    await t.settle();
    expect(t.zoom.meetingCallTimes.slice(3)).toEqual([at('09:47')]);
    // Still there: no extra request per report, the busy cadence from that fetch.
    t.session.setUserActive(true);
    await t.clock.advance(5 * MINUTE);
    expect(t.zoom.meetingCallTimes.slice(3)).toEqual([at('09:47'), at('09:52')]);
  });

  it('fetches at once on resume, unlock and online', async () => {
    const t = await signedInSession();
    for (const reason of ['resume', 'unlock', 'online'] as const) {
      t.wake.emit(reason);
      await t.settle();
    }
    expect(t.zoom.calls.meetings).toBe(4);
  });

  it('after a failed background fetch retries within a minute, backing off to 5 minutes', async () => {
    const t = await signedInSession();
    await t.clock.advance(19 * MINUTE);
    t.zoom.fail(new AppError('server_error', 'Zoom is having trouble right now.'));
    await t.clock.advance(25 * MINUTE);
    expect(t.zoom.meetingCallTimes.slice(1)).toEqual(
      ['09:20', '09:21', '09:23', '09:27', '09:32', '09:37', '09:42'].map(at),
    );
    expect(signedInState(t.session)).toMatchObject({ stale: true, updatedAt: START });

    t.zoom.fail(null);
    await t.clock.advance(5 * MINUTE);
    expect(signedInState(t.session)).toMatchObject({ stale: false, updatedAt: at('09:47') });
    // Healthy again: back to the quiet cadence.
    await t.clock.advance(20 * MINUTE);
    expect(t.zoom.meetingCallTimes.slice(-2)).toEqual([at('09:47'), at('10:07')]);
  });
});

describe('refresh', () => {
  it('never overlaps: concurrent refreshes share one fetch', async () => {
    const t = await signedInSession();
    const release = t.zoom.hold();
    const first = t.session.refresh();
    const second = t.session.refresh();
    t.wake.emit('resume');
    expect(second).toBe(first);
    expect(t.session.getState()).toMatchObject({ refreshing: true });

    release();
    await Promise.all([first, second]);
    expect(t.zoom.calls.profile).toBe(2);
    expect(t.zoom.calls.meetings).toBe(2);
    expect(t.session.getState()).toMatchObject({ refreshing: false });
  });

  it('keeps cached data on a server error, marking it stale with the problem', async () => {
    const t = await signedInSession();
    const before = t.session.getState();
    t.zoom.fail(new AppError('server_error', 'Zoom is having trouble right now.'));
    t.clock.jump(60_000);

    expect((await rejection(t.session.refresh())).code).toBe('server_error');
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-in',
      profile: ada,
      updatedAt: START,
      stale: true,
      offline: false,
      problem: { code: 'server_error', message: 'Zoom is having trouble right now.' },
      waitUntil: null,
    });
    expect(before.kind === 'signed-in' && before.stale).toBe(false);

    t.zoom.fail(null);
    await t.session.refresh();
    expect(t.session.getState()).toMatchObject({
      stale: false,
      problem: null,
      updatedAt: START + 60_000,
    });
  });

  it('honours a 429: no call to Zoom until Retry-After has passed, and says until when', async () => {
    const t = await signedInSession();
    t.zoom.fail(new RateLimitError(12 * MINUTE, 'Zoom is limiting requests right now.'));
    await rejection(t.session.refresh());
    expect(t.session.getState()).toMatchObject({
      stale: true,
      problem: { code: 'rate_limited' },
      waitUntil: at('09:12'),
    });
    t.zoom.fail(null);
    const callsAfter429 = t.zoom.calls.meetings;

    expect((await rejection(t.session.refresh())).code).toBe('rate_limited');
    t.wake.emit('online');
    await t.clock.advance(12 * MINUTE - 1);
    expect(t.zoom.calls.meetings).toBe(callsAfter429);

    await t.clock.advance(1);
    expect(t.zoom.calls.meetings).toBe(callsAfter429 + 1);
    expect(t.session.getState()).toMatchObject({ stale: false, problem: null, waitUntil: null });
  });

  it('waits out a rate limit of the token endpoint, however long (Retry-After 7,200 s)', async () => {
    const t = await signedInSession();
    const retryAt = START + 7_200_000;
    t.zoom.fail(new AppError('rate_limited', 'Zoom asked us to wait.', { retryAt }));
    await rejection(t.session.refresh());
    expect(t.session.getState()).toMatchObject({ waitUntil: retryAt });
    t.zoom.fail(null);
    const calls = t.zoom.calls.meetings;

    t.session.setWindowVisible(true);
    t.wake.emit('resume');
    await t.clock.advance(7_200_000 - 1);
    expect(t.zoom.calls.meetings).toBe(calls);
    await t.clock.advance(1);
    expect(t.zoom.calls.meetings).toBe(calls + 1);
  });

  it('a token endpoint 503 with Retry-After holds the session too, and says until when', async () => {
    const t = await signedInSession();
    const retryAt = START + 30 * MINUTE;
    t.zoom.fail(new AppError('server_error', 'Zoom is having trouble right now.', { retryAt }));
    await rejection(t.session.refresh());
    expect(t.session.getState()).toMatchObject({
      problem: { code: 'server_error' },
      waitUntil: retryAt,
    });
    t.zoom.fail(null);
    const calls = t.zoom.calls.meetings;
    await t.clock.advance(30 * MINUTE - 1);
    expect(t.zoom.calls.meetings).toBe(calls);
    await t.clock.advance(1);
    expect(t.zoom.calls.meetings).toBe(calls + 1);
  });

  it('marks a list Zoom could not read to its end as incomplete, keeping its rows', async () => {
    const t = await signedInSession();
    t.zoom.answer({ meetings: [meeting('1', '2026-11-24T11:00:00Z')], incomplete: true });
    await t.session.refresh();
    expect(t.session.getState()).toMatchObject({
      incomplete: true,
      stale: false,
      meetings: [expect.objectContaining({ id: '1' })],
    });
    t.zoom.answer({ incomplete: false });
    await t.session.refresh();
    expect(t.session.getState()).toMatchObject({ incomplete: false });
  });
});

describe('the cache', () => {
  function countingSettings() {
    const memory = createMemorySettingsStore();
    const events: string[] = [];
    const settings: SettingsStore = {
      get: (key) => memory.get(key),
      set(key, value) {
        events.push(`write ${key}`);
        memory.set(key, value);
      },
      delete(key) {
        events.push(`delete ${key}`);
        memory.delete(key);
      },
    };
    return { settings, events, memory };
  }

  it('is written only when the data changed, and after the new state was published', async () => {
    const { settings, events } = countingSettings();
    const t = setup({ stored: true, settings });
    t.session.subscribe((state) => {
      if (state.kind === 'signed-in' && !state.refreshing) events.push('published');
    });
    await t.session.start();
    await t.settle();
    expect(events).toEqual(['published', `write ${SESSION_CACHE_KEY}`]);

    // The same meetings (new objects, same content) for 50 minutes: nothing to write.
    await t.clock.advance(50 * MINUTE);
    t.wake.emit('resume');
    await t.settle();
    expect(t.zoom.calls.meetings).toBe(4);
    expect(events.filter((e) => e.startsWith('write'))).toHaveLength(1);

    t.zoom.answer({ meetings: [meeting('7', '2026-11-25T08:00:00Z'), ...tomorrow] });
    await t.session.refresh();
    await t.settle();
    expect(events.slice(-2)).toEqual(['published', `write ${SESSION_CACHE_KEY}`]);
  });

  it('an unchanged list keeps the very objects on screen, so nothing is republished but the spinner', async () => {
    const t = await signedInSession();
    const shown = signedInState(t.session);
    const published = t.states.length;
    await t.session.refresh();
    const after = signedInState(t.session);
    expect(after.meetings).toBe(shown.meetings);
    expect(after.profile).toBe(shown.profile);
    // refreshing: true, then the result (updatedAt is the same under fake time).
    expect(t.states.length - published).toBe(2);
  });

  it('a store that refuses every write fails neither sign-in nor loads; a notice says settings are not saved', async () => {
    const refusing: SettingsStore = {
      get: () => undefined,
      set() {
        throw Object.assign(new Error('ENOTDIR: not a directory'), { code: 'ENOTDIR' });
      },
      delete() {
        throw Object.assign(new Error('ENOTDIR: not a directory'), { code: 'ENOTDIR' });
      },
    };
    const t = setup({ settings: refusing });
    await t.session.start();
    const signIn = t.session.signIn();
    t.auth.completeSignIn();
    await signIn;
    await t.settle();

    expect(t.session.getState()).toMatchObject({
      kind: 'signed-in',
      profile: ada,
      settingsUnsaved: SETTINGS_UNSAVED_NOTICE,
    });
    t.zoom.answer({ meetings: [meeting('8', '2026-11-25T09:00:00Z')] });
    await t.session.refresh();
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-in',
      meetings: [expect.objectContaining({ id: '8' })],
      stale: false,
    });
    expect(t.lines.join('\n')).toContain('ENOTDIR');

    await t.session.signOut();
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      settingsUnsaved: SETTINGS_UNSAVED_NOTICE,
    });
  });
});

describe('ending the session', () => {
  it('an API session_expired signs out with the reason and clears the cache', async () => {
    const t = await signedInSession();
    t.zoom.fail(
      new AppError('session_expired', 'Your Zoom session has ended. Sign in again to continue.'),
    );
    expect((await rejection(t.session.refresh())).code).toBe('session_expired');

    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      reason: {
        code: 'session_expired',
        message: 'Your Zoom session has ended. Sign in again to continue.',
      },
    });
    expect(t.auth.signOutCalls()).toBe(1);
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();
    const calls = t.zoom.calls.meetings;
    await t.clock.advance(60 * MINUTE);
    expect(t.zoom.calls.meetings).toBe(calls);
  });

  it('shows signed-out with the reason at once, while the server revoke is still running', async () => {
    const t = await signedInSession();
    let finishRevoke = () => {};
    const realSignOut = t.auth.signOut;
    // The auth core reports signed-out at the call, then revokes and wipes.
    t.auth.signOut = () => {
      const done = realSignOut();
      return new Promise((resolve) => {
        finishRevoke = () => void done.then(resolve);
      });
    };
    t.zoom.fail(new AppError('session_expired', 'Sign in again.'));
    const refreshing = t.session.refresh().catch(() => {});
    await t.settle();

    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'session_expired' },
    });
    finishRevoke();
    await refreshing;
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'session_expired' },
    });
  });

  it('an invalid_client from the API also ends the session', async () => {
    const t = await signedInSession();
    t.zoom.fail(new AppError('invalid_client', 'Zoom no longer accepts this app.'));
    await rejection(t.session.refresh());
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'invalid_client' },
    });
  });

  it('when the auth core signs itself out (dead refresh token) the data and cache go', async () => {
    const t = await signedInSession();
    t.auth.expire({ code: 'session_expired', message: 'Sign in again.' });
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'session_expired', message: 'Sign in again.' },
    });
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();
  });

  it('sign out revokes, clears the cache and then nothing runs', async () => {
    const t = await signedInSession();
    const callsBefore = t.zoom.calls.meetings;

    expect(await t.session.signOut()).toEqual({ serverRevoked: true });
    expect(t.session.getState()).toEqual({
      kind: 'signed-out',
      reason: null,
      demo: false,
      sessionOnly: null,
      settingsUnsaved: null,
    });
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();

    t.wake.emit('resume');
    t.session.setWindowVisible(true);
    await t.clock.advance(60 * MINUTE);
    expect(t.zoom.calls.meetings).toBe(callsBefore);
    expect((await rejection(t.session.refresh())).code).toBe('not_signed_in');
  });

  it('a fetch still in flight at sign-out is discarded, not shown or cached', async () => {
    const t = await signedInSession();
    t.zoom.answer({ meetings: [meeting('5', '2026-11-25T10:00:00Z')] });
    const release = t.zoom.hold();
    const inFlight = t.session.refresh();
    await t.session.signOut();
    release();
    await inFlight;
    await t.settle();
    expect(t.session.getState().kind).toBe('signed-out');
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();
  });

  it('dispose stops the minute ticks and wake listeners', async () => {
    const t = await signedInSession();
    expect(t.clock.pendingTimers()).toBe(1);
    t.session.dispose();
    expect(t.clock.pendingTimers()).toBe(0);
    expect(t.wake.listenerCount()).toBe(0);
  });
});

describe('publishing', () => {
  it('publishes each change once, never the same state twice in a row', async () => {
    const t = await signedInSession();
    t.wake.emit('resume');
    await t.settle();
    await t.clock.advance(60 * MINUTE);
    t.zoom.fail(new AppError('offline', "Can't reach Zoom."));
    await t.session.refresh().catch(() => {});
    for (let i = 1; i < t.states.length; i += 1) {
      expect(JSON.stringify(t.states[i])).not.toBe(JSON.stringify(t.states[i - 1]));
    }
    expect(t.states.length).toBeGreaterThan(6);
  });
});
