// Owns the Settings screen's data: the view pushed to the renderer, and the Zoom account the
// person saves, tests or resets. Changing the account in use is the app core's job (switchTo):
// it signs out of the old account first, then builds the core for the new one.
import type {
  PreferenceChange,
  PreferencesView,
  FathomOAuthInput,
  FathomSettingsView,
  SettingsView,
  ZoomAccountInput,
  ZoomAccountSource,
  ZoomAccountTestResult,
  ZoomAccountView,
} from '../../../preload/contract.ts';
import { cloudOf, LOOPBACK_REDIRECT_URL } from '../../../preload/shared/zoom-account-rules.ts';
import {
  FATHOM_DEFAULT_REDIRECT_PORT,
  fathomRedirectUri,
} from '../config/fathom-provider-config.ts';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import type { BuiltInConfig } from '../config/built-in-config.ts';
import type { Env } from '../config/load-auth-config.ts';
import {
  resolveAuthConfig,
  sameProvider,
  SETTINGS_NAMES,
  type ResolvedAuthConfig,
} from '../config/resolve-auth-config.ts';
import { zoomProviderConfig } from '../config/zoom-account-config.ts';
import { AppError } from '../errors.ts';
import type { Fetch, Logger } from '../ports.ts';
import type { FathomSettings } from './fathom-settings.ts';
import { probeZoomAccount } from './zoom-account-probe.ts';
import { accountChoice, type AccountChoice } from './zoom-account-input.ts';
import { savedAccountFields, type ZoomAccountStore } from './zoom-account-store.ts';

/** The account the core runs now: where it came from and the provider it was built with. */
export interface AccountInUse {
  source: ZoomAccountSource;
  provider: AuthProviderConfig;
}

export interface SettingsService {
  view(): SettingsView;
  /** Called with every new view; returns an unsubscribe. */
  subscribe(listener: (view: SettingsView) => void): () => void;
  /** Validates, stores (the secret in the keychain), and switches the app to the account. */
  saveZoomAccount(input: ZoomAccountInput): Promise<SettingsView>;
  /** Asks the authorization server about the account as entered; changes nothing. */
  testZoomAccount(input: ZoomAccountInput): Promise<ZoomAccountTestResult>;
  /** Forgets the saved account: the app falls back to the built-in account, or the demo. */
  resetZoomAccount(): Promise<SettingsView>;
  /** Applies and stores one preference (validated by the IPC door); rejects when it is refused. */
  setPreference(change: PreferenceChange): Promise<SettingsView>;
  /** Validates and stores Fathom's OAuth client (the secret in the keychain), then uses it. */
  saveFathomOAuth(input: FathomOAuthInput): Promise<SettingsView>;
}

/** The person's everyday choices, as the host applies them (main/desktop/settings/preferences.ts). */
export interface PreferencesPort {
  view(): PreferencesView;
  set(change: PreferenceChange): Promise<unknown>;
  subscribe(listener: () => void): () => void;
}

export interface SettingsServiceDeps {
  accounts: ZoomAccountStore;
  /** The other configuration sources, as the host read them at start. */
  env: Env;
  builtIn: BuiltInConfig | null;
  preferences: PreferencesPort;
  inUse(): AccountInUse;
  /** Signs out of the account in use (revoke + wipe), then runs the core for `next`. */
  switchTo(next: ResolvedAuthConfig): Promise<void>;
  fetch: Fetch;
  logger: Logger;
  probeDeadlineMs?: number;
  /** Fathom's section; without it (hosts with no Fathom) the section shows nothing configured. */
  fathom?: FathomSettings;
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const { accounts, logger } = deps;
  const listeners = new Set<(view: SettingsView) => void>();
  /** Saves and resets run one at a time, in order: each may switch the account. */
  let queue: Promise<unknown> = Promise.resolve();
  let stopPreferences: (() => void) | null = null;

  const view = (): SettingsView => ({
    zoomAccount: zoomAccountView(deps.inUse()),
    preferences: deps.preferences.view(),
    fathom: deps.fathom?.view() ?? NO_FATHOM,
  });
  const publish = () => {
    const next = view();
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        logger.error('settings listener failed', { error: String(error) });
      }
    }
    return next;
  };
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  /** The environment comes first: while it names an account, Settings cannot change it. */
  const refuseWhileEnvironmentWins = () => {
    if (resolveAuthConfig({ env: deps.env, saved: null, builtIn: null }).source === 'environment')
      throw new AppError(
        'config_invalid',
        'ZOOM_CLIENT_ID is set in the environment, and it comes first. Unset it and restart Meeting Tray to use the account in Settings.',
      );
  };

  /** The secret as entered: a new one, none, or the one already in the keychain. */
  const secretFor = async (input: ZoomAccountInput): Promise<string | null> => {
    switch (input.clientSecret.action) {
      case 'set':
        return input.clientSecret.value;
      case 'remove':
        return null;
      case 'keep':
        return accounts.readSecret();
    }
  };

  /** Switches only when the account in use would change; a same-account save keeps the session. */
  const follow = async (next: ResolvedAuthConfig) => {
    const current = deps.inUse();
    const unchanged =
      next.source === 'demo'
        ? current.source === 'demo'
        : current.source !== 'demo' && sameProvider(current.provider, next.provider);
    if (!unchanged) await deps.switchTo(next);
  };

  deps.fathom?.onChange(() => void publish());

  return {
    view,
    subscribe(listener) {
      listeners.add(listener);
      // The first subscriber also hears every preference change (a tray choice, the OS state).
      if (listeners.size === 1) stopPreferences ??= deps.preferences.subscribe(() => publish());
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stopPreferences?.();
          stopPreferences = null;
        }
      };
    },

    async setPreference(change) {
      await deps.preferences.set(change);
      return view();
    },

    saveFathomOAuth: (input) =>
      oneAtATime(async () => {
        const fathom = deps.fathom;
        if (!fathom)
          throw new AppError(
            'config_invalid',
            'This copy of Meeting Tray does not connect Fathom.',
          );
        try {
          await fathom.save(input);
        } finally {
          publish();
        }
        return view();
      }),

    saveZoomAccount: (input) =>
      oneAtATime(async () => {
        refuseWhileEnvironmentWins();
        const account = accountChoice(input);
        const secret = await secretFor(input);
        // Validated before anything is stored, with the names of the Settings fields.
        providerFor(account, secret);
        await accounts.write(account, secret);
        const next = resolveAuthConfig({
          env: deps.env,
          saved: savedAccountFields(account, secret),
          builtIn: deps.builtIn,
        });
        logger.info('a Zoom account was saved in Settings', { hasClientSecret: secret !== null });
        try {
          await follow(next);
        } finally {
          publish();
        }
        return view();
      }),

    async testZoomAccount(input) {
      const provider = providerFor(accountChoice(input), await secretFor(input));
      const result = await probeZoomAccount({
        provider,
        fetch: deps.fetch,
        ...(deps.probeDeadlineMs !== undefined && { deadlineMs: deps.probeDeadlineMs }),
      });
      logger.info('tested a Zoom account', { outcome: result.outcome, status: result.status });
      return result;
    },

    resetZoomAccount: () =>
      oneAtATime(async () => {
        refuseWhileEnvironmentWins();
        await accounts.clear();
        logger.info('the Zoom account saved in Settings was removed');
        try {
          await follow(resolveAuthConfig({ env: deps.env, saved: null, builtIn: deps.builtIn }));
        } finally {
          publish();
        }
        return view();
      }),
  };
}

const NO_FATHOM: FathomSettingsView = {
  mode: null,
  clientId: '',
  hasClientSecret: false,
  redirectPort: FATHOM_DEFAULT_REDIRECT_PORT,
  redirectUri: fathomRedirectUri(FATHOM_DEFAULT_REDIRECT_PORT),
  source: 'none',
};

/** The provider an account stands for; refuses it with the Settings fields' names. */
function providerFor(account: AccountChoice, secret: string | null): AuthProviderConfig {
  return zoomProviderConfig(savedAccountFields(account, secret), SETTINGS_NAMES, {
    kind: 'loopback',
  });
}

/** What the Settings screen shows about the account in use. Never the secret itself. */
export function zoomAccountView({ source, provider }: AccountInUse): ZoomAccountView {
  const oauthBase = provider.server.issuer;
  const apiBase = provider.apiBaseUrl;
  return {
    source,
    clientId: source === 'demo' ? '' : provider.client.clientId,
    cloud: cloudOf(oauthBase, apiBase),
    oauthBase,
    apiBase,
    hasClientSecret: source !== 'demo' && provider.client.clientSecret !== undefined,
    redirectUrl:
      provider.redirect.kind === 'custom-scheme' ? provider.redirect.uri : LOOPBACK_REDIRECT_URL,
  };
}
