// Shared set-up for the wire fault tests: the Zoom sandbox over real HTTP on 127.0.0.1, and the
// app's own OAuth client signed in to it (consent, code exchange) the way the app signs in.
import { createOAuthClient, type OAuthClientDeps } from '../../../main/core/auth/oauth-client.ts';
import { sandboxProviderConfig } from '../../../main/core/config/sandbox-provider.ts';
import { createSystemClock } from '../../../main/node/system-clock.ts';
import { startZoomSandbox, type ZoomSandboxOptions } from '../../../main/sandbox/index.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { authorizeCode, LOOPBACK_REDIRECT } from '../sandbox/sandbox-kit.ts';

export const MB = 1024 * 1024;

type ClientOptions = Omit<OAuthClientDeps, 'provider' | 'fetch' | 'clock' | 'logger'>;

export async function signedInToSandbox(
  options: { sandbox?: ZoomSandboxOptions; client?: ClientOptions } = {},
) {
  const sandbox = await startZoomSandbox({ rateLimits: false, ...options.sandbox });
  const logger = createCapturingLogger();
  const client = createOAuthClient({
    provider: sandboxProviderConfig({
      url: sandbox.url,
      apiBaseUrl: sandbox.apiBaseUrl,
      clientId: sandbox.clients.public.clientId,
    }),
    fetch,
    clock: createSystemClock(),
    logger,
    ...options.client,
  });
  const { verifier, location } = await authorizeCode(sandbox, 'public');
  const params = client.validateCallback(location, 'state-123');
  const tokens = await client.exchangeCode(params, LOOPBACK_REDIRECT, verifier);
  return { sandbox, client, tokens, logger };
}

/** The rejection a promise ends in (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, but the call succeeded');
    },
    (error: unknown) => error,
  );
}
