import type { Clock, Logger } from '../ports.ts';
import { within } from '../time/within.ts';
import type { OAuthClient } from './oauth-client.ts';

/**
 * Revokes a refresh token, giving up after `boundMs` whatever the server does. The call is
 * aborted and raced as well, so a client that ignores its signal still cannot hold sign-out.
 * Resolves true only when the server confirmed; never rejects.
 */
export async function revokeWithin(
  deps: { client: OAuthClient; clock: Clock; logger: Logger; boundMs: number },
  refreshToken: string,
): Promise<boolean> {
  const { clock, boundMs } = deps;
  const controller = new AbortController();
  const timer = clock.setTimeout(() => controller.abort(), boundMs);
  const revoking = deps.client.revoke(refreshToken, 'refresh_token', controller.signal).then(
    () => true,
    (error: unknown) => {
      deps.logger.warn('could not revoke at the server; local secrets are deleted anyway', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      return false;
    },
  );
  try {
    const outcome = await within(clock, revoking, boundMs);
    return outcome.settled && outcome.value === true;
  } finally {
    clock.clearTimeout(timer);
    controller.abort();
  }
}
