// Which Fathom OAuth client is used, first match wins: the one entered in Settings, the
// environment (FATHOM_CLIENT_ID…, for development), the one built into the package, the demo
// sandbox's (demo mode only), or none (a personal API key is then the way to connect).
import type { FathomAccountSource } from '../../../preload/contract.ts';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import {
  FATHOM_DEFAULT_REDIRECT_PORT,
  fathomProviderConfig,
} from '../config/fathom-provider-config.ts';
import type { Env } from '../config/load-auth-config.ts';
import { AppError } from '../errors.ts';
import {
  checkFathomOAuthFields,
  FATHOM_ENV_NAMES,
  FATHOM_SETTINGS_NAMES,
  type FathomOAuthFieldNames,
  type FathomOAuthFields,
} from './fathom-oauth-rules.ts';

export interface ResolvedFathomOAuth {
  source: FathomAccountSource;
  /** null for 'none'. */
  provider: AuthProviderConfig | null;
  /** The port Fathom redirects to (the default when there is no client). */
  redirectPort: number;
}

export interface FathomOAuthSources {
  env: Env;
  /** What the person entered in Settings, with its secret from the keychain. */
  saved: FathomOAuthFields | null;
  /** The packaged configuration's Fathom client, already validated. */
  builtIn: { fields: FathomOAuthFields; names: FathomOAuthFieldNames } | null;
  /** The demo sandbox's client, in demo mode only. */
  demo: AuthProviderConfig | null;
}

export function resolveFathomOAuth(sources: FathomOAuthSources): ResolvedFathomOAuth {
  const fromEnv = readFathomEnv(sources.env);
  const pick = (
    source: Exclude<FathomAccountSource, 'demo' | 'none'>,
    fields: FathomOAuthFields,
    names: FathomOAuthFieldNames,
  ): ResolvedFathomOAuth => {
    checkFathomOAuthFields(fields, names);
    return { source, provider: toProvider(fields), redirectPort: fields.redirectPort };
  };
  if (sources.saved) return pick('settings', sources.saved, FATHOM_SETTINGS_NAMES);
  if (fromEnv) return pick('environment', fromEnv, FATHOM_ENV_NAMES);
  if (sources.builtIn) return pick('built-in', sources.builtIn.fields, sources.builtIn.names);
  if (sources.demo)
    return {
      source: 'demo',
      provider: sources.demo,
      redirectPort: redirectPortOf(sources.demo) ?? FATHOM_DEFAULT_REDIRECT_PORT,
    };
  return { source: 'none', provider: null, redirectPort: FATHOM_DEFAULT_REDIRECT_PORT };
}

export function toProvider(fields: FathomOAuthFields): AuthProviderConfig {
  return fathomProviderConfig({
    clientId: fields.clientId,
    clientSecret: fields.clientSecret,
    redirectPort: fields.redirectPort,
    ...(fields.oauthBase !== undefined && { oauthBaseUrl: fields.oauthBase }),
    ...(fields.apiBase !== undefined && { apiBaseUrl: fields.apiBase }),
  });
}

/** The API base for API-key mode: FATHOM_API_BASE in development, else Fathom's. */
export function fathomApiKeyBase(env: Env, fallback: string): string {
  const base = read(env, FATHOM_ENV_NAMES.apiBase);
  if (base === undefined) return fallback;
  checkFathomOAuthFields(
    { clientId: 'x', clientSecret: 'x', redirectPort: FATHOM_DEFAULT_REDIRECT_PORT, apiBase: base },
    FATHOM_ENV_NAMES,
  );
  return base.replace(/\/+$/, '');
}

/**
 * The client the environment names, or null when FATHOM_CLIENT_ID is unset. A secret or port
 * without a client ID is refused, as is a port that is not a number: the app stops naming it.
 */
export function readFathomEnv(env: Env): FathomOAuthFields | null {
  const clientId = read(env, FATHOM_ENV_NAMES.clientId);
  const clientSecret = read(env, FATHOM_ENV_NAMES.clientSecret);
  const port = read(env, FATHOM_ENV_NAMES.redirectPort);
  if (!clientId) {
    if (clientSecret || port)
      throw new AppError(
        'config_invalid',
        'FATHOM_CLIENT_SECRET or FATHOM_REDIRECT_PORT is set but FATHOM_CLIENT_ID is not. Set FATHOM_CLIENT_ID too, or remove them.',
      );
    return null;
  }
  const oauthBase = read(env, FATHOM_ENV_NAMES.oauthBase);
  const apiBase = read(env, FATHOM_ENV_NAMES.apiBase);
  return {
    clientId,
    clientSecret: clientSecret ?? '',
    redirectPort: port === undefined ? FATHOM_DEFAULT_REDIRECT_PORT : Number(port),
    ...(oauthBase !== undefined && { oauthBase }),
    ...(apiBase !== undefined && { apiBase }),
  };
}

export function redirectPortOf(provider: AuthProviderConfig): number | null {
  const { redirect } = provider;
  return redirect.kind === 'loopback' && typeof redirect.port === 'number' ? redirect.port : null;
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}
