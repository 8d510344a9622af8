import type { SessionState } from '../../preload/contract.ts';
import type { ScreenContext } from '../session/screen-context.ts';
import { useAction } from '../session/use-action.ts';
import { ConnectAccountButton } from '../settings/ConnectAccountButton.tsx';
import { Spinner } from './Spinner.tsx';

type SignedOut = Extract<SessionState, { kind: 'signed-out' }>;

interface SignedOutScreenProps extends ScreenContext {
  session: SignedOut;
  /** Clears leftovers of the last session (sign-out message, old alerts) as a new one starts. */
  onSignInStart: () => void;
}

export function SignedOutScreen({
  session,
  api,
  onFailure,
  onSignInStart,
  openSettings,
}: SignedOutScreenProps) {
  const signIn = useAction(api.signIn, onFailure);

  return (
    <section className="screen screen--centered" aria-labelledby="signed-out-title">
      <h2 id="signed-out-title">See your upcoming Zoom meetings</h2>
      {session.reason ? (
        <p className="notice notice--warning" data-testid="signed-out-reason">
          {session.reason.message}
        </p>
      ) : null}
      <p className="muted">
        Sign in once in your browser. Meeting Tray keeps you signed in and never sees your password.
      </p>
      <button
        type="button"
        className="button button--primary button--large"
        disabled={signIn.pending}
        aria-busy={signIn.pending}
        onClick={() => {
          onSignInStart();
          void signIn.run();
        }}
      >
        {signIn.pending ? <Spinner /> : null}
        Sign in with Zoom
      </button>
      {session.demo ? (
        <div className="notice notice--info notice--stacked" data-testid="demo-note">
          <p>
            Demo mode — you're signing in to a built-in Zoom sandbox with a demo account, not your
            Zoom.
          </p>
          <ConnectAccountButton onClick={openSettings} />
        </div>
      ) : (
        <button type="button" className="button button--quiet" onClick={openSettings}>
          Zoom account settings
        </button>
      )}
    </section>
  );
}
