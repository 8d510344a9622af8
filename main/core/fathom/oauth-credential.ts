// A Fathom AuthService (the shared auth core, configured by fathomProviderConfig) as the API
// wrapper's credential source: access tokens as bearer credentials.
import type { AuthService } from '../auth/auth-service.types.ts';
import { AppError, isAppError } from '../errors.ts';
import type { FathomCredentialSource } from './fathom-api.types.ts';

/**
 * `forceRefresh` + `rejected`: one forced refresh, single flight, skipped when another caller has
 * already replaced the rejected token (the auth core decides). A dead refresh token surfaces as
 * fathom_session_expired even from an auth core configured with Zoom's wording.
 */
export function createOAuthCredentialSource(
  auth: Pick<AuthService, 'getAccessToken'>,
): FathomCredentialSource {
  return {
    async current(options) {
      const rejected = options?.rejected;
      try {
        const grant = await auth.getAccessToken({
          ...(options?.forceRefresh ? { forceRefresh: true } : {}),
          ...(rejected?.kind === 'bearer' ? { rejectedAccessToken: rejected.accessToken } : {}),
          ...(options?.userInitiated ? { userInitiated: true } : {}),
        });
        return { kind: 'bearer', accessToken: grant.accessToken };
      } catch (error) {
        if (isAppError(error) && error.code === 'session_expired') {
          throw new AppError(
            'fathom_session_expired',
            'Your Fathom connection ended. Connect Fathom again.',
            { cause: error },
          );
        }
        throw error;
      }
    },
  };
}
