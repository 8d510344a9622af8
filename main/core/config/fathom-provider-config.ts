import type { AuthorizationServer } from 'oauth4webapi';
import type { AuthProviderConfig } from './auth-config.types.ts';
import { joinUrl } from './endpoint-url.ts';

export const FATHOM_OAUTH_BASE = 'https://fathom.video';
export const FATHOM_API_BASE = 'https://api.fathom.ai/external/v1';
/**
 * Fathom accepts only the redirect URI registered with the app (reference §1.6), so the
 * loopback listener uses this one port unless the person picks another in Settings.
 */
export const FATHOM_DEFAULT_REDIRECT_PORT = 53682;
export const FATHOM_CALLBACK_PATH = '/fathom/callback';
export const FATHOM_SCOPE = 'public_api';
/** Fathom's session facts live beside Zoom's, never in the same settings entry. */
export const FATHOM_SESSION_SETTINGS_KEY = 'fathom.auth.session';

/** The redirect URI to register with the Fathom app for `port`. */
export function fathomRedirectUri(port: number = FATHOM_DEFAULT_REDIRECT_PORT): string {
  return `http://127.0.0.1:${port}${FATHOM_CALLBACK_PATH}`;
}

/**
 * Fathom's authorization server, written by hand: it publishes no metadata document and no
 * revocation endpoint (sign-out only wipes the keychain) — reference §1.1, §1.8.
 */
export function fathomAuthorizationServer(
  oauthBase: string = FATHOM_OAUTH_BASE,
): AuthorizationServer {
  const issuer = oauthBase.replace(/\/+$/, '');
  return {
    issuer,
    authorization_endpoint: joinUrl(issuer, '/external/v1/oauth2/authorize'),
    token_endpoint: joinUrl(issuer, '/external/v1/oauth2/token'),
  };
}

/**
 * The auth core's configuration for Fathom: a confidential client (secret in the form body, as
 * every integration sends it), PKCE sent as well (no source shows Fathom checking it, and none
 * says it refuses it: an OAuth 2.0 server ignores parameters it does not know, so it costs
 * nothing and protects the code if Fathom does check it), a fixed loopback redirect, scope
 * public_api, and its own keychain account and settings key. `pkce: false` is there for a
 * Fathom that turns out to refuse `code_challenge` (reference §1.5, §6).
 */
export function fathomProviderConfig(options: {
  clientId: string;
  clientSecret: string;
  oauthBaseUrl?: string;
  apiBaseUrl?: string;
  redirectPort?: number;
  pkce?: boolean;
}): AuthProviderConfig {
  return {
    server: fathomAuthorizationServer(options.oauthBaseUrl ?? FATHOM_OAUTH_BASE),
    client: { clientId: options.clientId, clientSecret: options.clientSecret, secretIn: 'body' },
    apiBaseUrl: (options.apiBaseUrl ?? FATHOM_API_BASE).replace(/\/+$/, ''),
    redirect: {
      kind: 'loopback',
      port: options.redirectPort ?? FATHOM_DEFAULT_REDIRECT_PORT,
      path: FATHOM_CALLBACK_PATH,
    },
    scope: FATHOM_SCOPE,
    keychainAccount: `fathom:${options.clientId}`,
    pkce: options.pkce ?? true,
    wording: { name: 'Fathom', sessionExpiredCode: 'fathom_session_expired' },
    sessionSettingsKey: FATHOM_SESSION_SETTINGS_KEY,
  };
}
