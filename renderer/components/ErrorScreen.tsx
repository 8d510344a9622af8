import type { SessionState } from '../../preload/contract.ts';
import { errorCopy } from '../copy/error-copy.ts';
import type { ScreenContext } from '../session/screen-context.ts';
import { useAction } from '../session/use-action.ts';

type ErrorState = Extract<SessionState, { kind: 'error' }>;

export function ErrorScreen({ session, api, onFailure }: ScreenContext & { session: ErrorState }) {
  const copy = errorCopy(session.code);
  const signIn = useAction(api.signIn, onFailure);
  return (
    <section className="screen screen--centered" aria-labelledby="error-title">
      <h2 id="error-title">{copy.title}</h2>
      <p>{copy.action}</p>
      {session.message && session.message !== copy.action ? (
        <p className="muted" data-testid="error-detail">
          {session.message}
        </p>
      ) : null}
      <button
        type="button"
        className="button button--primary"
        disabled={signIn.pending}
        aria-busy={signIn.pending}
        onClick={() => void signIn.run()}
      >
        Sign in again
      </button>
    </section>
  );
}
