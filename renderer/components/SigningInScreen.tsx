import { useState } from 'react';
import type { SessionState } from '../../preload/contract.ts';
import type { ScreenContext } from '../session/screen-context.ts';
import { useAction } from '../session/use-action.ts';
import { Spinner } from './Spinner.tsx';

type SigningIn = Extract<SessionState, { kind: 'signing-in' }>;

export function SigningInScreen({
  session,
  api,
  onFailure,
}: ScreenContext & { session: SigningIn }) {
  const [copied, setCopied] = useState(false);
  const cancel = useAction(api.cancelSignIn, onFailure);
  const reopen = useAction(api.reopenSignInPage, onFailure);
  const copy = useAction(api.copyText, onFailure);
  const url = session.authorizationUrl;

  return (
    <section
      className="screen screen--centered"
      aria-labelledby="signing-in-title"
      aria-busy="true"
    >
      <Spinner size="large" />
      <h2 id="signing-in-title">Continue in your browser</h2>
      <p className="muted">
        Finish signing in to Zoom in the browser tab that just opened. This window updates by itself
        when you're done.
      </p>
      {url ? (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={reopen.pending}
            onClick={() => void reopen.run()}
          >
            Open the sign-in page again
          </button>
          <button
            type="button"
            className="button"
            disabled={copy.pending}
            onClick={async () => {
              const result = await copy.run(url);
              if (result.ok) setCopied(true);
            }}
          >
            Copy link
          </button>
        </div>
      ) : null}
      {/* Next to the button it answers, in a live region that is always there to be heard. */}
      <p className="success inline-status" role="status" data-testid="link-copied">
        {copied && url ? 'Link copied — paste it into the browser you use for Zoom.' : null}
      </p>
      <button
        type="button"
        className="button button--quiet"
        disabled={cancel.pending}
        onClick={() => void cancel.run()}
      >
        Cancel
      </button>
    </section>
  );
}
