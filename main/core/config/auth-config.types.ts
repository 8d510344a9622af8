import type { AuthorizationServer } from 'oauth4webapi';
import type { ErrorCode } from '../../../preload/contract.ts';

/**
 * Where the browser sends the person back: our loopback server, or a registered custom scheme.
 * Loopback listens on an ephemeral port at /callback unless the server only accepts one exact
 * redirect URI (Fathom): then `port` (and `path`) fix it, and a busy port is loopback_port_busy.
 */
export type RedirectMode =
  { kind: 'loopback'; port?: number; path?: string } | { kind: 'custom-scheme'; uri: string };

/** Client credentials. No secret means a public client (PKCE, no Authorization header). */
export interface ClientConfig {
  clientId: string;
  clientSecret?: string;
  /**
   * How a secret is sent to the token endpoint: HTTP Basic (default, Zoom) or `client_id` and
   * `client_secret` in the form body (Fathom).
   */
  secretIn?: 'basic' | 'body';
}

/** How the auth core names the provider to people, and which code ends its session. */
export interface ProviderWording {
  /** e.g. "Zoom", "Fathom". */
  name: string;
  /** The code for "the refresh token is dead, sign in again". */
  sessionExpiredCode: ErrorCode;
}

/** Everything the auth core needs to talk to one authorization server. */
export interface AuthProviderConfig {
  server: AuthorizationServer;
  client: ClientConfig;
  /** API base used when the token response carries no `api_url`, e.g. https://api.zoom.us/v2. */
  apiBaseUrl: string;
  redirect: RedirectMode;
  /** Zoom configures scopes on the app, so this is normally absent; standard servers may need one. */
  scope?: string;
  /**
   * The keychain account its tokens are kept under, when the server's address is no stable name
   * for it (the demo sandbox listens on a new port each run). Default: client id @ issuer host.
   */
  keychainAccount?: string;
  /** PKCE S256 on the authorization request and code exchange. Default true; Fathom: false. */
  pkce?: boolean;
  /** Default: Zoom's wording and `session_expired`. */
  wording?: ProviderWording;
  /** The settings key for the session's non-secret facts. Default `auth.session` (Zoom). */
  sessionSettingsKey?: string;
}

export type AuthConfig = { demo: true } | { demo: false; provider: AuthProviderConfig };
