import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MeetingTrayApi, SessionState, SignOutResult } from '../preload/contract.ts';
import { ActionAlert } from './components/ActionAlert.tsx';
import { ErrorScreen } from './components/ErrorScreen.tsx';
import { SessionOnlyBanner } from './components/SessionOnlyBanner.tsx';
import { SettingsUnsavedBanner } from './components/SettingsUnsavedBanner.tsx';
import { SignedInScreen } from './components/SignedInScreen.tsx';
import { SignedOutScreen } from './components/SignedOutScreen.tsx';
import { SigningInScreen } from './components/SigningInScreen.tsx';
import { Spinner } from './components/Spinner.tsx';
import { errorCopy } from './copy/error-copy.ts';
import { failureAlreadyShown } from './session/already-shown.ts';
import type { ScreenContext } from './session/screen-context.ts';
import type { Failure } from './session/use-action.ts';
import { useSession } from './session/use-session.ts';
import { DemoBanner } from './settings/DemoBanner.tsx';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import { useScreenRequests } from './settings/use-screen-requests.ts';
import { createTimeFormat, systemTimeZone } from './time/time-format.ts';

export interface AppProps {
  api: MeetingTrayApi;
  /** IANA zone meetings are shown in; defaults to the system zone. Tests pin it. */
  timeZone?: string;
  /** Injected so tests decide what "today" is. */
  now?: () => number;
}

export const SIGNED_OUT_REVOKED = 'Signed out and access revoked.';
export const SIGNED_OUT_LOCALLY =
  'Signed out on this computer. Zoom could not be reached to revoke access; you can remove the app at marketplace.zoom.us → Installed apps.';

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

export function App({ api, timeZone, now = Date.now }: AppProps) {
  const session = useSession(api);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Lives here, not in the signed-in screen, so it survives the switch to signed-out.
  const [signOutMessage, setSignOutMessage] = useState<string | null>(null);
  // Tagged with the screen it belongs to, so "Link copied" does not linger onto the next screen.
  const [announcement, setAnnouncement] = useState<{ text: string; kind: string } | null>(null);

  const zone = timeZone ?? systemTimeZone();
  const format = useMemo(() => createTimeFormat({ timeZone: zone }), [zone]);
  const kind = session?.kind ?? 'loading';

  const announce = useCallback((text: string) => setAnnouncement({ text, kind }), [kind]);
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
  const context: ScreenContext = { api, onFailure: setFailure, announce, openSettings };

  const onSignedOut = useCallback((result: SignOutResult) => {
    setFailure(null);
    setSignOutMessage(result.serverRevoked ? SIGNED_OUT_REVOKED : SIGNED_OUT_LOCALLY);
  }, []);
  const onSignInStart = useCallback(() => {
    setFailure(null);
    setSignOutMessage(null);
  }, []);

  const status = announcement && announcement.kind === kind ? announcement.text : null;

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
        {signOutMessage ? (
          <div className="notice notice--success" data-testid="sign-out-message">
            <p>{signOutMessage}</p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setSignOutMessage(null)}
            >
              Dismiss
            </button>
          </div>
        ) : null}
        {failure && !failureAlreadyShown(failure, session) ? (
          <ActionAlert failure={failure} onDismiss={() => setFailure(null)} />
        ) : null}
        {screen === 'session' && session?.demo && session.kind === 'signed-in' ? (
          <DemoBanner onConnect={openSettings} />
        ) : null}
        {screen === 'settings' ? (
          <SettingsScreen
            api={api}
            onFailure={setFailure}
            signedIn={session?.kind === 'signed-in'}
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
          <SignedInScreen
            {...context}
            session={session}
            format={format}
            today={format.dayKey(now())}
            onSignedOut={onSignedOut}
          />
        ) : (
          <ErrorScreen {...context} session={session} />
        )}
        <p className="status-line" role="status">
          {status}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {describeSession(session)}
        </p>
      </main>
    </>
  );
}
