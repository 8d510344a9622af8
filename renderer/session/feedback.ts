/**
 * What the window says about the result of an action, as one pure state machine:
 * - a later success replaces an earlier failure (nothing stale stays up);
 * - a failure the screen already explains (the offline banner, the signed-out reason, the
 *   error screen) is dropped, not hidden, so it cannot come back once the screen recovers;
 * - a data failure (offline, timeout, …) is dropped once main pushes fresh data;
 * - cancelling sign-in is quiet: it is only announced to screen readers;
 * - a revoke Zoom did not confirm is a warning, never a success;
 * - each message belongs to the screen it was made on, except the sign-out result, which is
 *   about the screen it leads to.
 */
import type { ErrorCode, ProviderId, SessionState } from '../../preload/contract.ts';
import { errorCopy } from '../copy/error-copy.ts';
import { failureAlreadyShown } from './already-shown.ts';
import type { Failure } from './use-action.ts';

export type FeedbackTone = 'success' | 'info' | 'warning' | 'error';
export type ScreenKind = SessionState['kind'] | 'loading';

export interface FeedbackMessage {
  /** Increases with every message, so a timer or a Dismiss acts on the one it was meant for. */
  id: number;
  /** An action's result on its screen, or the sign-out result shown on the next screen. */
  source: 'action' | 'sign-out';
  tone: FeedbackTone;
  title: string | null;
  text: string;
  /** Main's own words when they add to the copy. */
  detail: string | null;
  /** Success disappears by itself; warnings and errors stay until dismissed or superseded. */
  transient: boolean;
  code: ErrorCode | null;
  /** The screen it was said on; null once it has been carried onto the screen it was about. */
  screen: ScreenKind | null;
  /** Until the screen it is about arrives (the sign-out result: signed out), it waits for it. */
  carriesOver: boolean;
  /** For data failures: the session's updatedAt when it happened, to see fresher data come. */
  dataAsOf: number | null;
  /**
   * Whose failure it is. Zoom's session explains Zoom's (the banner, the signed-out reason); a
   * Fathom failure is Fathom's own, said in Fathom's words, and Zoom's pushes leave it alone.
   */
  provider: ProviderId;
}

export interface FeedbackState {
  message: FeedbackMessage | null;
  /** Read to screen readers only (a quiet result, like a cancelled sign-in). */
  quiet: string | null;
  /** The session main pushed last: the screen a result is said on. */
  session: SessionState | null;
  nextId: number;
}

export type FeedbackEvent =
  | { type: 'success'; text: string }
  | { type: 'failure'; failure: Failure; provider?: ProviderId }
  | { type: 'signed-out'; serverRevoked: boolean }
  | { type: 'session'; session: SessionState | null }
  | { type: 'dismiss'; id: number }
  | { type: 'clear' };

export const INITIAL_FEEDBACK: FeedbackState = {
  message: null,
  quiet: null,
  session: null,
  nextId: 1,
};

export const SIGNED_OUT_REVOKED = 'Signed out and access revoked.';
export const SIGNED_OUT_NOT_REVOKED_TITLE = 'Signed out on this computer only';
export const SIGNED_OUT_LOCALLY =
  'Zoom could not be reached to revoke access; you can remove the app at marketplace.zoom.us → Installed apps.';
export const SIGN_IN_CANCELLED = 'Sign-in cancelled.';
export const FATHOM_CONNECT_CANCELLED = 'Connecting Fathom cancelled.';

/** Failures about the meeting data that fresh data from main answers by itself. */
const DATA_FAILURES: ReadonlySet<ErrorCode> = new Set([
  'offline',
  'timeout',
  'server_error',
  'rate_limited',
]);

const screenOf = (session: SessionState | null): ScreenKind => session?.kind ?? 'loading';
const updatedAtOf = (session: SessionState | null) =>
  session?.kind === 'signed-in' ? session.updatedAt : null;

/** A new message replaces the last one, and any quiet note (it was about something earlier). */
function show(state: FeedbackState, message: Omit<FeedbackMessage, 'id'>): FeedbackState {
  return {
    ...state,
    message: { ...message, id: state.nextId },
    quiet: null,
    nextId: state.nextId + 1,
  };
}

/** The message to show with this session, if any (the reducer drops it on the next push). */
export function visibleFeedback(
  state: FeedbackState,
  session: SessionState | null,
): FeedbackMessage | null {
  return state.message && stillApplies(state.message, session) ? state.message : null;
}

/** True while the message should stay, given the session main pushed last. */
function stillApplies(message: FeedbackMessage, session: SessionState | null): boolean {
  const screen = screenOf(session);
  if (message.carriesOver) return screen === 'signed-out' || message.screen === screen;
  if (message.screen !== screen) return false;
  if (message.code === null || message.tone !== 'error' || message.provider === 'fathom')
    return true;
  const failure: Failure = { ok: false, code: message.code, message: message.detail ?? '' };
  if (failureAlreadyShown(failure, session)) return false;
  if (DATA_FAILURES.has(message.code) && session?.kind === 'signed-in') {
    const fresh = !session.stale && !session.offline && session.problem === null;
    if (fresh && session.updatedAt !== null && session.updatedAt !== message.dataAsOf) return false;
  }
  return true;
}

export function feedbackReducer(state: FeedbackState, event: FeedbackEvent): FeedbackState {
  switch (event.type) {
    case 'success':
      return show(state, {
        source: 'action',
        tone: 'success',
        title: null,
        text: event.text,
        detail: null,
        transient: true,
        code: null,
        screen: screenOf(state.session),
        carriesOver: false,
        dataAsOf: null,
        provider: 'zoom',
      });
    case 'failure': {
      const { failure } = event;
      const { session } = state;
      const provider = event.provider ?? 'zoom';
      if (failure.code === 'sign_in_cancelled')
        return {
          ...state,
          message: null,
          quiet: provider === 'fathom' ? FATHOM_CONNECT_CANCELLED : SIGN_IN_CANCELLED,
        };
      if (provider === 'zoom' && failureAlreadyShown(failure, session)) return state;
      const copy = errorCopy(failure.code, provider);
      return show(state, {
        source: 'action',
        tone: 'error',
        title: copy.title,
        text: copy.action,
        detail: failure.message && failure.message !== copy.action ? failure.message : null,
        transient: false,
        code: failure.code,
        screen: screenOf(session),
        carriesOver: false,
        dataAsOf: provider === 'zoom' ? updatedAtOf(session) : null,
        provider,
      });
    }
    case 'signed-out':
      return show(
        state,
        event.serverRevoked
          ? {
              source: 'sign-out',
              tone: 'success',
              title: null,
              text: SIGNED_OUT_REVOKED,
              detail: null,
              transient: true,
              code: null,
              screen: 'signed-in',
              carriesOver: true,
              dataAsOf: null,
              provider: 'zoom',
            }
          : {
              source: 'sign-out',
              tone: 'warning',
              title: SIGNED_OUT_NOT_REVOKED_TITLE,
              text: SIGNED_OUT_LOCALLY,
              detail: null,
              transient: false,
              code: null,
              screen: 'signed-in',
              carriesOver: true,
              dataAsOf: null,
              provider: 'zoom',
            },
      );
    case 'session': {
      const { message } = state;
      const session = event.session;
      if (!message) return { ...state, session };
      if (!stillApplies(message, session)) return { ...state, session, message: null };
      // Carried onto the signed-out screen: from now on it belongs there, and goes with it.
      if (message.carriesOver && screenOf(session) !== message.screen)
        return {
          ...state,
          session,
          message: { ...message, carriesOver: false, screen: 'signed-out' },
        };
      return { ...state, session };
    }
    case 'dismiss':
      return state.message?.id === event.id ? { ...state, message: null } : state;
    case 'clear':
      return { ...state, message: null, quiet: null };
  }
}
