import { describe, expect, it } from 'vitest';
import {
  FATHOM_CONNECT_CANCELLED,
  feedbackReducer,
  INITIAL_FEEDBACK,
  visibleFeedback,
  type FeedbackState,
} from '../../renderer/session/feedback.ts';
import type { SessionState } from '../../preload/contract.ts';
import { signedIn, signedInOffline } from '../fakes/session-fixtures.ts';

const withSession = (session: SessionState = signedIn): FeedbackState =>
  feedbackReducer(INITIAL_FEEDBACK, { type: 'session', session });

describe('feedback: Fathom’s failures beside Zoom’s session', () => {
  it('are said in Fathom’s words, where Zoom’s copy would name Zoom', () => {
    const state = feedbackReducer(withSession(), {
      type: 'failure',
      failure: { ok: false, code: 'rate_limited', message: '429' },
      provider: 'fathom',
    });
    expect(state.message).toMatchObject({ title: 'Fathom is busy', provider: 'fathom' });
    const zoom = feedbackReducer(withSession(), {
      type: 'failure',
      failure: { ok: false, code: 'rate_limited', message: '429' },
    });
    expect(zoom.message).toMatchObject({ title: 'Zoom is busy', provider: 'zoom' });
  });

  it('are not explained away by Zoom’s offline banner, nor dropped by Zoom’s fresh data', () => {
    let state = feedbackReducer(withSession(signedInOffline), {
      type: 'failure',
      failure: { ok: false, code: 'offline', message: 'no network' },
      provider: 'fathom',
    });
    // Zoom's banner says Zoom is offline; the Fathom action's failure still gets its toast.
    expect(visibleFeedback(state, signedInOffline)?.text).toMatch(/saved notes/u);
    const fresh = { ...signedIn, updatedAt: (signedIn.updatedAt ?? 0) + 60_000 };
    state = feedbackReducer(state, { type: 'session', session: fresh });
    expect(visibleFeedback(state, fresh)?.provider).toBe('fathom');
  });

  it('a cancelled Fathom connection is quiet, and says which', () => {
    const state = feedbackReducer(withSession(), {
      type: 'failure',
      failure: { ok: false, code: 'sign_in_cancelled', message: '' },
      provider: 'fathom',
    });
    expect(state.message).toBeNull();
    expect(state.quiet).toBe(FATHOM_CONNECT_CANCELLED);
  });
});
