// Fathom as both hosts build it: one connection per app, beside the Zoom core and outside the
// account switch (a new Zoom account must not disturb Fathom), with its own auth core and
// keychain record, over the same keychain, settings file, clock, network and minute ticks.
import { createAuthService } from '../core/auth/auth-service.ts';
import { createLoopbackListener } from '../core/auth/loopback-listener.ts';
import type { AuthProviderConfig } from '../core/config/auth-config.types.ts';
import type { BuiltInConfig } from '../core/config/built-in-config.ts';
import { FATHOM_API_BASE } from '../core/config/fathom-provider-config.ts';
import type { Env } from '../core/config/load-auth-config.ts';
import { createFathomApi } from '../core/fathom/fathom-api.ts';
import {
  createApiKeyCredentialSource,
  validateFathomApiKey,
} from '../core/fathom/api-key-credential.ts';
import { createFathomConnection, type FathomConnection } from '../core/fathom/fathom-connection.ts';
import { createOAuthCredentialSource } from '../core/fathom/oauth-credential.ts';
import type {
  BrowserOpener,
  Clock,
  Fetch,
  Logger,
  SecretStore,
  SettingsStore,
  WakeEvents,
} from '../core/ports.ts';
import { createGuardedSettings } from '../core/session/guarded-settings.ts';
import { createFathomAccountStore } from '../core/settings/fathom-account-store.ts';
import { fathomApiKeyBase, resolveFathomOAuth } from '../core/settings/fathom-oauth-config.ts';
import { createFathomSettings, type FathomSettings } from '../core/settings/fathom-settings.ts';
import type { MinuteTickSource } from '../core/time/minute-ticker.ts';

export interface AppFathomDeps {
  env: Env;
  builtIn: BuiltInConfig | null;
  /** The demo sandbox's client and API base, in demo mode only. */
  demo: { provider: AuthProviderConfig; apiBaseUrl: string } | null;
  secrets: SecretStore;
  settings: SettingsStore;
  clock: Clock;
  fetch: Fetch;
  openBrowser: BrowserOpener;
  wake: WakeEvents;
  minuteTicks: MinuteTickSource;
  logger: Logger;
  /** The person's email when Zoom knows it. */
  personEmail(): string | null;
}

export interface AppFathom {
  connection: FathomConnection;
  settings: FathomSettings;
}

/**
 * Resolves Fathom's OAuth client (Settings → environment → built-in → demo → none; a wrong
 * environment variable or built-in field throws config_invalid naming it) and builds the
 * connection. The caller starts it and shuts it down.
 */
export async function createAppFathom(deps: AppFathomDeps): Promise<AppFathom> {
  const { clock, logger } = deps;
  // Its own guard: a refused settings write must not fail a Fathom connection either.
  const settings = createGuardedSettings(deps.settings, logger);
  const store = createFathomAccountStore({ settings, secrets: deps.secrets, logger });
  const saved = store.read();
  const savedSecret = saved ? await store.readSecret() : null;
  const builtIn = deps.builtIn?.fathom ?? null;
  const sources = {
    env: deps.env,
    builtIn: builtIn && { fields: builtIn, names: builtInFathomNames(deps.builtIn?.file ?? '') },
    demo: deps.demo?.provider ?? null,
  };
  const initial = resolveFathomOAuth({
    ...sources,
    // A saved client whose secret the keychain no longer has is skipped, not fatal.
    saved:
      saved && savedSecret
        ? { clientId: saved.clientId, clientSecret: savedSecret, redirectPort: saved.redirectPort }
        : null,
  });
  const apiKeyBaseUrl = deps.demo?.apiBaseUrl ?? fathomApiKeyBase(deps.env, FATHOM_API_BASE);
  const connection = createFathomConnection({
    oauthProvider: initial.provider,
    createAuth: (provider) =>
      createAuthService({
        provider,
        secrets: deps.secrets,
        settings,
        clock,
        fetch: deps.fetch,
        openBrowser: deps.openBrowser,
        wake: deps.wake,
        logger,
        minuteTicks: deps.minuteTicks,
        createLoopbackListener: (options) => createLoopbackListener({ ...options, clock }),
      }),
    oauthCredentials: (auth) => createOAuthCredentialSource(auth),
    apiKey: createApiKeyCredentialSource({ secrets: deps.secrets }),
    createApi: (credentials, baseUrl) =>
      createFathomApi({ fetch: deps.fetch, credentials, baseUrl, clock, logger }),
    validateApiKey: (apiKey) =>
      validateFathomApiKey({ fetch: deps.fetch, baseUrl: apiKeyBaseUrl, clock, logger }, apiKey),
    apiKeyBaseUrl,
    settings,
    clock,
    wake: deps.wake,
    minuteTicks: deps.minuteTicks,
    logger,
    personEmail: deps.personEmail,
  });
  const fathomSettings = createFathomSettings({ store, sources, initial, connection, logger });
  return { connection, settings: fathomSettings };
}

function builtInFathomNames(file: string) {
  return {
    clientId: `"fathom.clientId" in ${file}`,
    clientSecret: `"fathom.clientSecret" in ${file}`,
    redirectPort: `"fathom.redirectPort" in ${file}`,
    oauthBase: `"fathom.oauthBase" in ${file}`,
    apiBase: `"fathom.apiBase" in ${file}`,
  };
}
