import type { AuthProviderConfig, RedirectMode } from './auth-config.types.ts';
import { zoomAuthorizationServer } from './zoom-server.ts';

/**
 * Demo mode's keychain account. The sandbox listens on a new port each run, so its address
 * cannot name the account (earlier builds did, and left one item behind per restart).
 */
export const DEMO_KEYCHAIN_ACCOUNT = 'oauth-tokens:demo';

/** Provider config for the in-process Zoom sandbox (demo mode): its public client, Zoom-shaped endpoints. */
export function sandboxProviderConfig(sandbox: {
  url: string;
  apiBaseUrl: string;
  clientId: string;
  clientSecret?: string;
  redirect?: RedirectMode;
  /** Demo mode passes DEMO_KEYCHAIN_ACCOUNT; a sandbox on a fixed address needs none. */
  keychainAccount?: string;
}): AuthProviderConfig {
  return {
    ...(sandbox.keychainAccount ? { keychainAccount: sandbox.keychainAccount } : {}),
    server: zoomAuthorizationServer(sandbox.url),
    client: sandbox.clientSecret
      ? { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }
      : { clientId: sandbox.clientId },
    apiBaseUrl: sandbox.apiBaseUrl.replace(/\/+$/, ''),
    redirect: sandbox.redirect ?? { kind: 'loopback' },
  };
}
