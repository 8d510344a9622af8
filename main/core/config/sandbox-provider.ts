import type { AuthProviderConfig, RedirectMode } from './auth-config.types.ts';
import { zoomAuthorizationServer } from './zoom-server.ts';

/** Provider config for the in-process Zoom sandbox (demo mode): its public client, Zoom-shaped endpoints. */
export function sandboxProviderConfig(sandbox: {
  url: string;
  apiBaseUrl: string;
  clientId: string;
  clientSecret?: string;
  redirect?: RedirectMode;
}): AuthProviderConfig {
  return {
    server: zoomAuthorizationServer(sandbox.url),
    client: sandbox.clientSecret
      ? { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret }
      : { clientId: sandbox.clientId },
    apiBaseUrl: sandbox.apiBaseUrl.replace(/\/+$/, ''),
    redirect: sandbox.redirect ?? { kind: 'loopback' },
  };
}
