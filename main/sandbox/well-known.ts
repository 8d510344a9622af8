/**
 * Zoom's RFC 8414 document (zoom-facts §1.8) with sandbox URLs. Real Zoom has no
 * revocation_endpoint; the sandbox adds it so clients can discover /oauth/revoke.
 */
export function authorizationServerMetadata(url: string) {
  return {
    issuer: url,
    authorization_endpoint: `${url}/oauth/authorize`,
    token_endpoint: `${url}/oauth/token`,
    revocation_endpoint: `${url}/oauth/revoke`,
    response_types_supported: ['code'],
    grant_types_supported: [
      'authorization_code',
      'refresh_token',
      'client_credentials',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
    ],
    token_endpoint_auth_methods_supported: ['client_secret_basic'],
    code_challenge_methods_supported: ['S256'],
    service_documentation: 'https://developers.zoom.us/docs/integrations/oauth/',
  };
}
