import { AppError } from '../errors.ts';
import type { AuthConfig, RedirectMode } from './auth-config.types.ts';
import { parseRedirectMode } from './redirect-mode.ts';
import {
  zoomProviderConfig,
  type ZoomAccountFieldNames,
  type ZoomAccountFields,
} from './zoom-account-config.ts';

export type Env = Record<string, string | undefined>;

/** The variables a developer sets; the README's table lists them. */
export const ENV_NAMES: ZoomAccountFieldNames = {
  clientId: 'ZOOM_CLIENT_ID',
  clientSecret: 'ZOOM_CLIENT_SECRET',
  oauthBase: 'ZOOM_OAUTH_BASE',
  apiBase: 'ZOOM_API_BASE',
};

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/**
 * The Zoom account the environment names, or null when it names none (no ZOOM_CLIENT_ID: the
 * other sources decide). Bases without a client ID are ignored; a secret without one is refused.
 */
export function readEnvAccount(env: Env): ZoomAccountFields | null {
  const clientId = read(env, ENV_NAMES.clientId);
  const clientSecret = read(env, ENV_NAMES.clientSecret);
  if (!clientId) {
    if (clientSecret) {
      throw new AppError(
        'config_invalid',
        'ZOOM_CLIENT_SECRET is set but ZOOM_CLIENT_ID is not. Set ZOOM_CLIENT_ID too, or remove both to use demo mode.',
      );
    }
    return null;
  }
  const oauthBase = read(env, ENV_NAMES.oauthBase);
  const apiBase = read(env, ENV_NAMES.apiBase);
  return {
    clientId,
    ...(clientSecret !== undefined && { clientSecret }),
    ...(oauthBase !== undefined && { oauthBase }),
    ...(apiBase !== undefined && { apiBase }),
  };
}

/**
 * Reads the Zoom configuration from the environment alone. Pure: no I/O, so every
 * misconfiguration is caught by a unit test and reported with the variable's name.
 * No client id means demo mode here; resolveAuthConfig puts Settings and the built-in
 * configuration between the two.
 */
export function loadAuthConfig(env: Env): AuthConfig {
  const account = readEnvAccount(env);
  if (!account) return { demo: true };
  return {
    demo: false,
    provider: zoomProviderConfig(account, ENV_NAMES, redirectFromEnv(env)),
  };
}

/** MEETING_TRAY_REDIRECT: a development switch that applies whichever source names the account. */
export function redirectFromEnv(env: Env): RedirectMode {
  return parseRedirectMode(read(env, 'MEETING_TRAY_REDIRECT'));
}

export const DEFAULT_KEYCHAIN_SERVICE = 'Meeting Tray';

/** The keychain service name; tests set MEETING_TRAY_KEYCHAIN_SERVICE so they never touch real entries. */
export function keychainServiceName(env: Env): string {
  return read(env, 'MEETING_TRAY_KEYCHAIN_SERVICE') ?? DEFAULT_KEYCHAIN_SERVICE;
}
