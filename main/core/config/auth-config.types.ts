import type { AuthorizationServer } from 'oauth4webapi';

/** Where the browser sends the person back: our loopback server, or a registered custom scheme. */
export type RedirectMode = { kind: 'loopback' } | { kind: 'custom-scheme'; uri: string };

/** Client credentials. No secret means a public client (PKCE, no Authorization header). */
export interface ClientConfig {
  clientId: string;
  clientSecret?: string;
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
}

export type AuthConfig = { demo: true } | { demo: false; provider: AuthProviderConfig };
