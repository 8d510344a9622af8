import type { ZoomAccountSource } from '../../../preload/contract.ts';
import type { AuthProviderConfig } from './auth-config.types.ts';
import { builtInFieldNames, type BuiltInConfig } from './built-in-config.ts';
import { ENV_NAMES, readEnvAccount, redirectFromEnv, type Env } from './load-auth-config.ts';
import {
  zoomProviderConfig,
  type ZoomAccountFieldNames,
  type ZoomAccountFields,
} from './zoom-account-config.ts';

/** Every place a Zoom account can come from, read by the hosts before the core is built. */
export interface AuthConfigSources {
  env: Env;
  /** What the person entered in Settings, with its secret from the keychain. */
  saved: ZoomAccountFields | null;
  /** The configuration built into the package (app-config.json), already parsed. */
  builtIn: BuiltInConfig | null;
}

/** The account in use and where it came from; the demo's provider is the sandbox it starts. */
export type ResolvedAuthConfig =
  { source: 'demo' } | { source: Exclude<ZoomAccountSource, 'demo'>; provider: AuthProviderConfig };

/** What the Settings screen calls its fields, so a refusal names the one to fix. */
export const SETTINGS_NAMES: ZoomAccountFieldNames = {
  clientId: 'The client ID',
  clientSecret: 'The client secret',
  oauthBase: 'The authorization server',
  apiBase: 'The API base URL',
};

/**
 * The precedence, first match wins: the environment (a developer's ZOOM_CLIENT_ID), then what
 * the person entered in Settings, then the configuration built into the package, then the demo.
 * Each source is validated with the same rules and refused with its own names.
 */
export function resolveAuthConfig(sources: AuthConfigSources): ResolvedAuthConfig {
  const redirect = redirectFromEnv(sources.env);
  const fromEnv = readEnvAccount(sources.env);
  if (fromEnv)
    return { source: 'environment', provider: zoomProviderConfig(fromEnv, ENV_NAMES, redirect) };
  if (sources.saved)
    return {
      source: 'settings',
      provider: zoomProviderConfig(sources.saved, SETTINGS_NAMES, redirect),
    };
  if (sources.builtIn) {
    const { file, zoom } = sources.builtIn;
    return {
      source: 'built-in',
      provider: zoomProviderConfig(zoom, builtInFieldNames(file), redirect),
    };
  }
  return { source: 'demo' };
}

/** True when both name the same server, client and redirect: switching would change nothing. */
export function sameProvider(a: AuthProviderConfig, b: AuthProviderConfig): boolean {
  return (
    a.server.issuer === b.server.issuer &&
    a.apiBaseUrl === b.apiBaseUrl &&
    a.client.clientId === b.client.clientId &&
    a.client.clientSecret === b.client.clientSecret &&
    a.redirect.kind === b.redirect.kind &&
    (a.redirect.kind !== 'custom-scheme' ||
      (b.redirect.kind === 'custom-scheme' && a.redirect.uri === b.redirect.uri))
  );
}
