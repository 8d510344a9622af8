import { AppError } from '../errors.ts';
import type { AuthConfig } from './auth-config.types.ts';
import { parseEndpointUrl } from './endpoint-url.ts';
import { parseRedirectMode } from './redirect-mode.ts';
import { ZOOM_API_BASE, ZOOM_OAUTH_BASE, zoomAuthorizationServer } from './zoom-server.ts';

type Env = Record<string, string | undefined>;

const CLIENT_ID = /^[A-Za-z0-9._~-]{1,200}$/;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * Reads the Zoom configuration from the environment. Pure: no I/O, so every
 * misconfiguration is caught by a unit test and reported with the variable's name.
 * No client id means demo mode: the composition root starts the in-process sandbox.
 */
export function loadAuthConfig(env: Env): AuthConfig {
  const clientId = read(env, 'ZOOM_CLIENT_ID');
  const clientSecret = read(env, 'ZOOM_CLIENT_SECRET');
  if (!clientId) {
    if (clientSecret) {
      throw new AppError(
        'config_invalid',
        'ZOOM_CLIENT_SECRET is set but ZOOM_CLIENT_ID is not. Set ZOOM_CLIENT_ID too, or remove both to use demo mode.',
      );
    }
    return { demo: true };
  }
  if (!CLIENT_ID.test(clientId)) {
    throw new AppError(
      'config_invalid',
      'ZOOM_CLIENT_ID contains unexpected characters. Copy it again from the Zoom Marketplace app page.',
    );
  }
  const oauthBase = parseEndpointUrl(
    'ZOOM_OAUTH_BASE',
    read(env, 'ZOOM_OAUTH_BASE') ?? ZOOM_OAUTH_BASE,
  );
  const apiBase = parseEndpointUrl('ZOOM_API_BASE', read(env, 'ZOOM_API_BASE') ?? ZOOM_API_BASE);
  return {
    demo: false,
    provider: {
      server: zoomAuthorizationServer(oauthBase),
      client: clientSecret ? { clientId, clientSecret } : { clientId },
      apiBaseUrl: apiBase.href.replace(/\/+$/, ''),
      redirect: parseRedirectMode(read(env, 'MEETING_TRAY_REDIRECT')),
    },
  };
}

export const DEFAULT_KEYCHAIN_SERVICE = 'Meeting Tray';

/** The keychain service name; tests set MEETING_TRAY_KEYCHAIN_SERVICE so they never touch real entries. */
export function keychainServiceName(env: Env): string {
  return read(env, 'MEETING_TRAY_KEYCHAIN_SERVICE') ?? DEFAULT_KEYCHAIN_SERVICE;
}
