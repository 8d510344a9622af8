import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../preload/contract.ts';
import { AppError } from '../../../../main/core/errors.ts';
import {
  SESSION_CACHE_KEY,
  type SessionData,
} from '../../../../main/core/session/session-cache.ts';
import {
  createSessionService,
  REFRESH_INTERVAL_MS,
  type SessionService,
} from '../../../../main/core/session/session-service.ts';
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

const START = Date.parse('2026-11-24T09:00:00Z');
const cached: SessionData = {
  profile: { ...ada, displayName: 'Ada (cached)' },
  meetings: [meeting('111', '2026-11-24T12:00:00Z', 'Cached meeting')],
  updatedAt: START - 3_600_000,
};

const sessions: SessionService[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

function setup(
  options: { stored?: boolean; cache?: unknown; sessionOnly?: boolean; demo?: boolean } = {},
) {
  const clock = createFakeClock(START);
  const settings = createMemorySettingsStore(
    options.cache === undefined ? {} : { [SESSION_CACHE_KEY]: options.cache },
  );
  const auth = createFakeAuth({
    stored: options.stored ?? false,
    sessionOnly: options.sessionOnly
      ? { code: 'keychain_unavailable', message: 'Your sign-in lasts until you quit.' }
      : null,
  });
  const zoom = createFakeZoom();
  const wake = createFakeWake();
  const { logger, lines } = createRecordingLogger();
  const session = createSessionService({
    auth,
    zoom: zoom.api,
    settings,
    clock,
    wake: wake.wake,
    logger,
    demo: options.demo ?? false,
  });
  sessions.push(session);
  const states: SessionState[] = [];
  session.subscribe((state) => states.push(state));
  const settle = () => clock.advance(0);
  return { clock, settings, auth, zoom, wake, session, states, lines, settle };
}

function storedCache(data: SessionData) {
  return { userId: data.profile.id, ...data };
}

async function signedInSession() {
  const t = setup({ stored: true });
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

describe('start', () => {
  it('without a stored sign-in shows signed-out, calls no API and runs no timer', async () => {
    const t = setup({ cache: storedCache(cached), demo: true, sessionOnly: true });
    await t.session.start();
    await t.clock.advance(REFRESH_INTERVAL_MS * 3);

    expect(t.session.getState()).toEqual({
      kind: 'signed-out',
      reason: null,
      demo: true,
      sessionOnly: { code: 'keychain_unavailable', message: 'Your sign-in lasts until you quit.' },
    });
    expect(t.zoom.calls).toEqual({ profile: 0, meetings: 0 });
    expect(t.clock.pendingTimers()).toBe(0);
    // A signed-out machine keeps nothing of the last person.
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();
  });

  it('shows the cached profile and meetings at once, before any network call, with no token request', async () => {
    const t = setup({ stored: true, cache: storedCache(cached) });
    const release = t.zoom.hold();
    await t.session.start();

    const shown = t.session.getState();
    expect(shown).toMatchObject({
      kind: 'signed-in',
      profile: cached.profile,
      meetings: cached.meetings,
      updatedAt: cached.updatedAt,
      stale: false,
      refreshing: true,
    });
    expect(t.states[0]).toMatchObject({ kind: 'signed-in', updatedAt: cached.updatedAt });
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
    expect(t.session.getState()).toMatchObject({ kind: 'signed-in', profile: jonas, meetings: [] });
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toMatchObject({ userId: 'other-user' });
  });
});

describe('refresh', () => {
  it('refreshes every 5 minutes while signed in', async () => {
    const t = await signedInSession();
    expect(t.zoom.calls.meetings).toBe(1);

    await t.clock.advance(REFRESH_INTERVAL_MS - 1);
    expect(t.zoom.calls.meetings).toBe(1);
    await t.clock.advance(1);
    expect(t.zoom.calls.meetings).toBe(2);
    await t.clock.advance(REFRESH_INTERVAL_MS * 2);
    expect(t.zoom.calls.meetings).toBe(4);
    expect(t.session.getState()).toMatchObject({ updatedAt: START + REFRESH_INTERVAL_MS * 3 });
    expect(t.clock.pendingTimers()).toBe(1);
  });

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
    expect(t.session.getState()).toMatchObject({ refreshing: false });
  });

  it('refreshes on resume, unlock and online', async () => {
    const t = await signedInSession();
    for (const reason of ['resume', 'unlock', 'online'] as const) {
      t.wake.emit(reason);
      await t.settle();
    }
    expect(t.zoom.calls.meetings).toBe(4);
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

  it('honours a 429: no call to Zoom until Retry-After has passed', async () => {
    const t = await signedInSession();
    t.zoom.fail(new RateLimitError(12 * 60_000, 'Zoom is limiting requests right now.'));
    await rejection(t.session.refresh());
    expect(t.session.getState()).toMatchObject({ stale: true, problem: { code: 'rate_limited' } });
    t.zoom.fail(null);
    const callsAfter429 = t.zoom.calls.profile;

    expect((await rejection(t.session.refresh())).code).toBe('rate_limited');
    t.wake.emit('online');
    await t.clock.advance(REFRESH_INTERVAL_MS * 2);
    expect(t.zoom.calls.profile).toBe(callsAfter429);

    await t.clock.advance(2 * 60_000);
    expect(t.zoom.calls.profile).toBe(callsAfter429 + 1);
    expect(t.session.getState()).toMatchObject({ stale: false, problem: null });
  });
  it('also waits out a rate limit reported by the token endpoint', async () => {
    const t = await signedInSession();
    const tokenLimit = Object.assign(
      new AppError('rate_limited', 'Zoom is limiting sign-in requests.'),
      {
        retryAfterMs: 20 * 60_000,
      },
    );
    t.zoom.fail(tokenLimit);
    await rejection(t.session.refresh());
    t.zoom.fail(null);
    const calls = t.zoom.calls.profile;

    await t.clock.advance(20 * 60_000 - 1);
    expect(t.zoom.calls.profile).toBe(calls);
    await t.clock.advance(1);
    expect(t.zoom.calls.profile).toBe(calls + 1);
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
    expect(t.clock.pendingTimers()).toBe(0);
  });

  it('shows signed-out with the reason at once, even while the server revoke is still running', async () => {
    const t = await signedInSession();
    let finishRevoke = () => {};
    const realSignOut = t.auth.signOut;
    t.auth.signOut = () =>
      new Promise((resolve) => {
        finishRevoke = () => void realSignOut().then(resolve);
      });
    t.zoom.fail(new AppError('session_expired', 'Sign in again.'));
    const refreshing = t.session.refresh().catch(() => {});
    await t.settle();

    expect(t.auth.status().kind).toBe('signed-in');
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

  it('when the auth core signs itself out (dead refresh token) the data, cache and timer go', async () => {
    const t = await signedInSession();
    t.auth.expire({ code: 'session_expired', message: 'Sign in again.' });
    expect(t.session.getState()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'session_expired', message: 'Sign in again.' },
    });
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();
    expect(t.clock.pendingTimers()).toBe(0);
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
    });
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();
    expect(t.clock.pendingTimers()).toBe(0);

    t.wake.emit('resume');
    await t.clock.advance(REFRESH_INTERVAL_MS * 4);
    expect(t.zoom.calls.meetings).toBe(callsBefore);
    expect((await rejection(t.session.refresh())).code).toBe('not_signed_in');
  });

  it('a fetch still in flight at sign-out is discarded, not shown or cached', async () => {
    const t = await signedInSession();
    const release = t.zoom.hold();
    const inFlight = t.session.refresh();
    await t.session.signOut();
    release();
    await inFlight;
    await t.settle();
    expect(t.session.getState().kind).toBe('signed-out');
    expect(t.settings.snapshot()[SESSION_CACHE_KEY]).toBeUndefined();
    expect(t.clock.pendingTimers()).toBe(0);
  });

  it('dispose stops timers and wake listeners', async () => {
    const t = await signedInSession();
    t.session.dispose();
    expect(t.clock.pendingTimers()).toBe(0);
    expect(t.wake.listenerCount()).toBe(0);
  });
});

describe('publishing', () => {
  it('publishes each change once, never the same state twice in a row', async () => {
    const t = await signedInSession();
    const count = t.states.length;
    t.wake.emit('resume');
    await t.settle();
    // refreshing: true, then the result (same data, new updatedAt is equal under fake time)
    expect(t.states.length - count).toBe(2);
    for (let i = 1; i < t.states.length; i += 1) {
      expect(JSON.stringify(t.states[i])).not.toBe(JSON.stringify(t.states[i - 1]));
    }
  });
});
