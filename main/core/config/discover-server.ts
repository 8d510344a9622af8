import * as oauth from 'oauth4webapi';
import { AppError } from '../errors.ts';
import type { Fetch } from '../ports.ts';
import { isLoopbackUrl } from './endpoint-url.ts';

/**
 * Reads RFC 8414 metadata (/.well-known/oauth-authorization-server) from a standard
 * OAuth 2.0 server, so the same auth core signs in against servers other than Zoom.
 */
export async function discoverAuthorizationServer(
  issuer: URL,
  fetchPort: Fetch,
): Promise<oauth.AuthorizationServer> {
  try {
    const response = await oauth.discoveryRequest(issuer, {
      algorithm: 'oauth2',
      [oauth.allowInsecureRequests]: isLoopbackUrl(issuer),
      [oauth.customFetch]: (url, options) => fetchPort(url, options),
    });
    return await oauth.processDiscoveryResponse(issuer, response);
  } catch (error) {
    throw new AppError(
      'config_invalid',
      `Could not read the sign-in server's metadata from ${issuer.origin}. Check the server address.`,
      {
        cause: error,
      },
    );
  }
}
