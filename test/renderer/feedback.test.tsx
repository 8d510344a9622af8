// Feedback rules: results next to the action or in a toast in view, a later success clears an
// earlier failure, Cancel is quiet, an unconfirmed revoke is a warning, all announced.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../preload/contract.ts';
import { SUCCESS_VISIBLE_MS } from '../../renderer/components/FeedbackRegion.tsx';
import {
  feedbackReducer,
  INITIAL_FEEDBACK,
  SIGN_IN_CANCELLED,
  visibleFeedback,
  type FeedbackEvent,
} from '../../renderer/session/feedback.ts';
import { createDeferred } from '../fakes/fake-bridge.ts';
import {
  FIXTURE_NOW,
  signedIn,
  signedInOffline,
  signedOut,
  signingIn,
} from '../fakes/session-fixtures.ts';
import { renderApp } from './render-app.tsx';

afterEach(() => {
  vi.useRealTimers();
});

const run = (...events: FeedbackEvent[]) => events.reduce(feedbackReducer, INITIAL_FEEDBACK);
const failure = (code: 'offline' | 'server_error' | 'unknown' | 'sign_in_cancelled') => ({
  type: 'failure' as const,
  failure: { ok: false as const, code, message: `${code} happened` },
});

describe('feedbackReducer', () => {
  it('a later success replaces an earlier failure', () => {
    const state = run({ type: 'session', session: signedIn }, failure('unknown'), {
      type: 'success',
      text: 'Link copied',
    });
    expect(state.message).toMatchObject({ tone: 'success', text: 'Link copied', transient: true });
  });

  it('drops a failure the screen already explains, so recovery cannot bring it back', () => {
    const offline = run({ type: 'session', session: signedInOffline }, failure('offline'));
    expect(offline.message).toBeNull();
    const recovered = feedbackReducer(offline, { type: 'session', session: signedIn });
    expect(visibleFeedback(recovered, signedIn)).toBeNull();
  });

  it('drops a data failure once main pushes fresh data', () => {
    const failed = run({ type: 'session', session: signedIn }, failure('server_error'));
    expect(failed.message?.tone).toBe('error');
    const same = feedbackReducer(failed, { type: 'session', session: { ...signedIn } });
    expect(same.message?.tone).toBe('error');
    const fresh: SessionState = { ...signedIn, updatedAt: FIXTURE_NOW + 60_000 };
    expect(feedbackReducer(failed, { type: 'session', session: fresh }).message).toBeNull();
  });

  it('keeps other failures until dismissed, and only the one a Dismiss was for', () => {
    const state = run({ type: 'session', session: signedIn }, failure('unknown'));
    const id = state.message!.id;
    expect(feedbackReducer(state, { type: 'dismiss', id: id + 1 }).message).not.toBeNull();
    expect(feedbackReducer(state, { type: 'dismiss', id }).message).toBeNull();
  });

  it('a cancelled sign-in is quiet: no message, a note for screen readers', () => {
    const state = run(
      { type: 'session', session: signingIn },
      failure('unknown'),
      failure('sign_in_cancelled'),
    );
    expect(state.message).toBeNull();
    expect(state.quiet).toBe(SIGN_IN_CANCELLED);
  });

  it('a revoke Zoom did not confirm is a warning carried onto the signed-out screen', () => {
    const state = run(
      { type: 'session', session: signedIn },
      { type: 'signed-out', serverRevoked: false },
      { type: 'session', session: signedOut },
    );
    expect(state.message).toMatchObject({ tone: 'warning', transient: false, source: 'sign-out' });
    expect(visibleFeedback(state, signedOut)).not.toBeNull();
    // Signing in again leaves it behind.
    expect(feedbackReducer(state, { type: 'session', session: signingIn }).message).toBeNull();
  });

  it('a message belongs to its screen', () => {
    const state = run(
      { type: 'session', session: signedIn },
      { type: 'success', text: 'Meetings updated' },
    );
    expect(visibleFeedback(state, signedOut)).toBeNull();
    expect(feedbackReducer(state, { type: 'session', session: signedOut }).message).toBeNull();
  });
});

describe('feedback in the window', () => {
  it('shows a result in the toast region, read politely, and takes a success away by itself', async () => {
    await renderApp(signedIn);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const today = within(screen.getByRole('list', { name: 'Today' }));
    await act(async () =>
      fireEvent.click(today.getByRole('button', { name: 'Copy link for Design review' })),
    );
    const toast = screen.getByTestId('feedback');
    expect(toast).toHaveTextContent('Link copied: Design review');
    expect(screen.getByRole('status')).toContainElement(toast);

    await act(async () => vi.advanceTimersByTime(SUCCESS_VISIBLE_MS - 1));
    expect(screen.getByTestId('feedback')).toBeInTheDocument();
    await act(async () => vi.advanceTimersByTime(1));
    expect(screen.queryByTestId('feedback')).not.toBeInTheDocument();
  });

  it('a success stays while the pointer or focus rests on it', async () => {
    await renderApp(signedIn);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const today = within(screen.getByRole('list', { name: 'Today' }));
    await act(async () =>
      fireEvent.click(today.getByRole('button', { name: 'Copy link for Design review' })),
    );
    await act(async () => fireEvent.mouseEnter(screen.getByTestId('feedback')));
    await act(async () => vi.advanceTimersByTime(3 * SUCCESS_VISIBLE_MS));
    expect(screen.getByTestId('feedback')).toBeInTheDocument();
    await act(async () => fireEvent.mouseLeave(screen.getByTestId('feedback')));
    await act(async () => vi.advanceTimersByTime(SUCCESS_VISIBLE_MS));
    expect(screen.queryByTestId('feedback')).not.toBeInTheDocument();
  });

  it('a failed refresh is an alert; a later success clears it', async () => {
    const { bridge, user } = await renderApp(signedIn);
    bridge.respond('refreshMeetings', {
      ok: false,
      code: 'server_error',
      message: 'Zoom said 503.',
    });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByRole('alert')).toHaveTextContent("Zoom's servers returned an error.");

    const today = within(screen.getByRole('list', { name: 'Today' }));
    await user.click(today.getByRole('button', { name: 'Copy link for Team stand-up' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('feedback')).toHaveTextContent('Link copied: Team stand-up');
  });

  it('an offline refresh says so once, in the banner, and nothing comes back after recovery', async () => {
    const { bridge, user } = await renderApp(signedIn);
    bridge.respond('refreshMeetings', () => {
      bridge.push(signedInOffline);
      return { ok: false, code: 'offline', message: 'No network.' };
    });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByTestId('stale-banner')).toHaveTextContent('Offline');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    act(() => bridge.push({ ...signedIn, updatedAt: FIXTURE_NOW + 120_000 }));
    expect(screen.queryByTestId('stale-banner')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('Cancel is quiet: no alert, only a note for screen readers', async () => {
    const { bridge, user } = await renderApp(signedOut);
    const pending = createDeferred<{ ok: false; code: 'sign_in_cancelled'; message: string }>();
    bridge.respond('signIn', () => pending.promise);
    await user.click(screen.getByRole('button', { name: 'Sign in with Zoom' }));
    act(() => bridge.push(signingIn));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    act(() => bridge.push(signedOut));
    await act(async () =>
      pending.resolve({ ok: false, code: 'sign_in_cancelled', message: 'Sign-in was cancelled.' }),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByTestId('feedback')).not.toBeInTheDocument();
    const note = within(screen.getByRole('status')).getByText(SIGN_IN_CANCELLED);
    expect(note).toHaveClass('visually-hidden');
  });

  it('an earlier "You declined…" does not stay once a new sign-in starts', async () => {
    const { bridge, user } = await renderApp(signedOut);
    bridge.respond('signIn', {
      ok: false,
      code: 'access_denied',
      message: 'You declined access in the browser.',
    });
    await user.click(screen.getByRole('button', { name: 'Sign in with Zoom' }));
    expect(screen.getByRole('alert')).toHaveTextContent('You declined access');
    bridge.respond('signIn', { ok: true, value: undefined });
    await user.click(screen.getByRole('button', { name: 'Sign in with Zoom' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
