import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { MeetingTrayApi, SessionState, SignOutResult } from '../preload/contract.ts';
import { ErrorScreen } from './components/ErrorScreen.tsx';
import { FeedbackRegion } from './components/FeedbackRegion.tsx';
import { SessionOnlyBanner } from './components/SessionOnlyBanner.tsx';
import { SettingsUnsavedBanner } from './components/SettingsUnsavedBanner.tsx';
import { SignedInScreen } from './components/SignedInScreen.tsx';
import { SignedOutScreen } from './components/SignedOutScreen.tsx';
import { SigningInScreen } from './components/SigningInScreen.tsx';
import { Spinner } from './components/Spinner.tsx';
import { errorCopy } from './copy/error-copy.ts';
import { FathomArea } from './fathom/FathomArea.tsx';
import { useFathom } from './fathom/use-fathom.ts';
import { useFathomAnnouncements } from './fathom/use-fathom-announcements.ts';
import { feedbackReducer, INITIAL_FEEDBACK, visibleFeedback } from './session/feedback.ts';
import type { ScreenContext } from './session/screen-context.ts';
import type { Failure } from './session/use-action.ts';
import { useDisplay } from './session/use-display.ts';
import { useSession } from './session/use-session.ts';
import { DemoBanner } from './settings/DemoBanner.tsx';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import { useScreenRequests } from './settings/use-screen-requests.ts';
import { displayTimeFormat, pageTime } from './time/display-time.ts';
import { MinuteContext } from './time/minute-context.ts';

export interface AppProps {
  api: MeetingTrayApi;
  /** Pins the zone over main's display (tests); the app leaves it to main. */
  timeZone?: string;
  /** Pins "now" over main's minute (tests); the app leaves it to main's ticks. */
  now?: () => number;
}

export {
  SIGNED_OUT_LOCALLY,
  SIGNED_OUT_NOT_REVOKED_TITLE,
  SIGNED_OUT_REVOKED,
} from './session/feedback.ts';

/** Read out when the screen changes; main pushes the change, so this only describes it. */
function describeSession(session: SessionState | null): string {
  if (!session) return 'Loading';
  switch (session.kind) {
    case 'signed-out':
      return 'Signed out';
    case 'signing-in':
      return 'Waiting for you to finish signing in in your browser';
    case 'signed-in':
      if (session.offline) return 'Offline — showing saved meetings';
      return session.refreshing
        ? 'Updating meetings'
        : `Signed in as ${session.profile.displayName || session.profile.email}`;
    case 'error':
      return errorCopy(session.code).title;
  }
}

export function App({ api, timeZone: pinnedZone, now: pinnedNow }: AppProps) {
  const session = useSession(api);
  const fathom = useFathom(api);
  const display = useDisplay(api);
  const now = pinnedNow ? pinnedNow() : display.now;
  const timeZone = pinnedZone ?? display.timeZone;
  const { locale, systemHourCycle, clock } = display;
  const [feedback, dispatch] = useReducer(feedbackReducer, INITIAL_FEEDBACK);

  const page = useMemo(() => pageTime(), []);
  const profileZone = session?.kind === 'signed-in' ? session.profile.timezone : null;
  // Rebuilt only when the zone, locale or clock changes: never on a minute tick.
  const format = useMemo(
    () => displayTimeFormat({ timeZone, locale, systemHourCycle, clock }, page, profileZone),
    [timeZone, locale, systemHourCycle, clock, page, profileZone],
  );

  // Settings is a screen of the window's own, over whichever session screen is current.
  const [screen, setScreen] = useState<'session' | 'settings'>('session');
  const openSettings = useCallback(() => setScreen('settings'), []);
  useScreenRequests(api, openSettings);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const [backFromSettings, setBackFromSettings] = useState(false);
  useEffect(() => {
    if (screen === 'session' && backFromSettings) settingsButton.current?.focus();
  }, [screen, backFromSettings]);
  const closeSettings = useCallback(() => {
    setBackFromSettings(true);
    setScreen('session');
  }, []);

  useEffect(() => dispatch({ type: 'session', session }), [session]);

  const onFailure = useCallback((failure: Failure) => dispatch({ type: 'failure', failure }), []);
  // Fathom's failures are said in Fathom's words, and Zoom's session does not explain them away.
  const onFathomFailure = useCallback(
    (failure: Failure) => dispatch({ type: 'failure', failure, provider: 'fathom' }),
    [],
  );
  const announce = useCallback((text: string) => dispatch({ type: 'success', text }), []);
  const onDismiss = useCallback((id: number) => dispatch({ type: 'dismiss', id }), []);
  const onSignedOut = useCallback(
    (result: SignOutResult) =>
      dispatch({ type: 'signed-out', serverRevoked: result.serverRevoked }),
    [],
  );
  const onSignInStart = useCallback(() => dispatch({ type: 'clear' }), []);
  const context: ScreenContext = { api, onFailure, announce, openSettings };
  useFathomAnnouncements(fathom, announce);

  return (
    <>
      <header className="app-header">
        <h1 className="app-header__title">Meeting Tray</h1>
        {session?.demo ? <span className="badge badge--demo">Demo</span> : null}
        {/* The signed-out screen has its own way to Settings, under its Sign in button. */}
        {screen === 'session' && session && session.kind !== 'signed-out' ? (
          <button
            ref={settingsButton}
            type="button"
            className="button button--small app-header__settings"
            onClick={openSettings}
          >
            Settings
          </button>
        ) : null}
      </header>
      <main className="app-main">
        {session?.sessionOnly ? <SessionOnlyBanner notice={session.sessionOnly} /> : null}
        {session?.settingsUnsaved ? (
          <SettingsUnsavedBanner notice={session.settingsUnsaved} />
        ) : null}
        {screen === 'session' && session?.demo && session.kind === 'signed-in' ? (
          <DemoBanner onConnect={openSettings} />
        ) : null}
        {screen === 'settings' ? (
          <SettingsScreen
            api={api}
            onFailure={onFailure}
            announce={announce}
            onFathomFailure={onFathomFailure}
            signedIn={session?.kind === 'signed-in'}
            fathom={fathom}
            onClose={closeSettings}
          />
        ) : session === null ? (
          <div className="screen screen--centered" data-testid="loading">
            <Spinner size="large" />
            <p className="muted">Loading…</p>
          </div>
        ) : session.kind === 'signed-out' ? (
          <SignedOutScreen {...context} session={session} onSignInStart={onSignInStart} />
        ) : session.kind === 'signing-in' ? (
          <SigningInScreen {...context} session={session} />
        ) : session.kind === 'signed-in' ? (
          <MinuteContext.Provider value={now}>
            <SignedInScreen
              {...context}
              session={session}
              format={format}
              now={now}
              today={format.dayKey(now)}
              onSignedOut={onSignedOut}
            />
          </MinuteContext.Provider>
        ) : (
          <ErrorScreen {...context} session={session} />
        )}
        {/* Fathom's notes, below Zoom's meetings whatever Zoom's state: the two are independent. */}
        {screen === 'session' && session !== null ? (
          <FathomArea
            {...context}
            onFailure={onFathomFailure}
            fathom={fathom}
            format={format}
            now={now}
          />
        ) : null}
        <FeedbackRegion
          message={visibleFeedback(feedback, session)}
          quiet={feedback.quiet}
          onDismiss={onDismiss}
        />
        <p className="visually-hidden" aria-live="polite" data-testid="screen-announcer">
          {describeSession(session)}
        </p>
      </main>
    </>
  );
}
