import type { SessionState } from '../../preload/contract.ts';
import type { Failure } from './use-action.ts';

/**
 * True when the screen already tells the person about this failure (the signed-out reason, the
 * offline banner, the data problem notice, the error screen), so a second alert would only repeat it.
 */
export function failureAlreadyShown(failure: Failure, session: SessionState | null): boolean {
  if (!session) return false;
  switch (session.kind) {
    case 'signed-out':
      return session.reason?.code === failure.code;
    case 'signed-in':
      return (
        (failure.code === 'offline' && session.offline) || session.problem?.code === failure.code
      );
    case 'error':
      return session.code === failure.code;
    case 'signing-in':
      return false;
  }
}
