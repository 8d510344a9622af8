// The main-process core as both hosts build it: the Electron app (main/index.ts) and the
// browser harness (main/harness/cli.ts). It lives outside main/desktop because the harness has
// no Electron, and outside main/core because it picks concrete adapters (the OS keychain, the
// in-process Zoom sandbox), which the core only knows as ports.
import type { AuthProviderConfig } from '../core/config/auth-config.types.ts';
import type { BuiltInConfig } from '../core/config/built-in-config.ts';
import { keychainServiceName } from '../core/config/load-auth-config.ts';
import { resolveAuthConfig, type ResolvedAuthConfig } from '../core/config/resolve-auth-config.ts';
import {
  createMeetingTrayCore,
  type MeetingTrayCore,
  type MeetingTrayCoreDeps,
} from '../core/meeting-tray-core.ts';
import { createSettingsService, type SettingsService } from '../core/settings/settings-service.ts';
import { createZoomAccountStore, savedAccountFields } from '../core/settings/zoom-account-store.ts';
import type { ZoomAccountSource } from '../../preload/contract.ts';
import {
  FATHOM_CALLBACK_PATH,
  fathomProviderConfig,
} from '../core/config/fathom-provider-config.ts';
import type { FathomConnection } from '../core/fathom/fathom-connection.ts';
import type { Teardown } from '../desktop/lifecycle/teardown.ts';
import {
  createPreferences,
  type Preferences,
  type PreferencesHostInfo,
} from '../desktop/settings/preferences.ts';
import type { Fetch } from '../core/ports.ts';
import { demoFathomConnection, startDemoFathomSandbox } from '../node/demo-fathom.ts';
import { demoProviderConfig, startDemoSandbox } from '../node/demo-zoom.ts';
import { openOsKeychain } from '../node/os-keychain.ts';
import type { ZoomSandbox } from '../sandbox/index.ts';
import { createAppFathom } from './create-fathom.ts';
import { createSwitchableCore, type SwitchableCore } from './switchable-core.ts';

/** How long quitting (or switching accounts) waits for a token refresh in flight to reach the keychain. */
const QUIT_DRAIN_MS = 5_000;

/** What differs between the hosts: where settings live, how a page opens, where wakes come from. */
export type AppCoreHost = Pick<
  MeetingTrayCoreDeps,
  'settings' | 'clock' | 'openBrowser' | 'wake' | 'logger'
> & {
  /** ZOOM_CLIENT_ID and friends (see the README): they come before everything else. */
  env: Record<string, string | undefined>;
  /** The configuration built into the package, read by the host (built-in-config-file.ts). */
  builtIn: BuiltInConfig | null;
  /**
   * The app's data folder: the demo sandbox keeps its grants there, so a demo sign-in survives
   * a restart (demo-zoom.ts). Both hosts pass it; without it the grants live in memory only.
   */
  dataDir?: string;
  /** The network for Zoom: Electron's session.fetch in the app; Node's fetch by default. */
  fetch?: Fetch;
  teardown: Teardown;
  /** What this host can offer among the preferences (launch at login, the menu-bar title); none by default. */
  preferencesHost?: PreferencesHostInfo;
};

/** The core for one account: where the account came from, and the provider it was built with. */
interface AccountCore extends MeetingTrayCore {
  source: ZoomAccountSource;
  provider: AuthProviderConfig;
}

export interface AppCore extends Pick<
  SwitchableCore<AccountCore>,
  'session' | 'minuteTicks' | 'auth'
> {
  /** True while signing in goes to the in-process Zoom sandbox. */
  readonly demo: boolean;
  /** The Settings screen's data, and the account changes made there. */
  settings: SettingsService;
  /** The person's everyday choices; desktop features attach to carry them out. */
  preferences: Preferences;
  /**
   * Fathom, the second provider: one connection for the app's life, beside the Zoom core and
   * untouched by a Zoom account switch. The host starts it after the session.
   */
  fathom: FathomConnection;
}

/**
 * Resolves the account (environment → Settings → built-in → demo; a wrong one throws an error
 * that `isConfigError` recognises), starts the Zoom sandbox in demo mode, and builds the core
 * over the OS keychain. A new account saved in Settings gets a new core (switchable-core.ts).
 * Every part it starts is registered on `teardown`.
 */
export async function createAppCore(host: AppCoreHost): Promise<AppCore> {
  const { env, logger, teardown } = host;
  const fetch = host.fetch ?? globalThis.fetch;
  const keychain = openOsKeychain({
    service: keychainServiceName(env),
    settings: host.settings,
    logger,
  });
  const { secrets } = keychain;
  const accounts = createZoomAccountStore({ settings: host.settings, secrets, logger });
  const saved = accounts.read();
  const first = resolveAuthConfig({
    env,
    saved: saved && savedAccountFields(saved, await accounts.readSecret()),
    builtIn: host.builtIn,
  });
  await keychain.sweepLegacyItems(first.source === 'demo' ? null : first.provider);
  const demoZoom = createLazyDemoZoom(host);
  // Registered before the core's shutdown, so it runs after it (teardown runs newest first).
  teardown.add(() => demoZoom.close());

  const build = async (resolved: ResolvedAuthConfig): Promise<AccountCore> => {
    const demo = resolved.source === 'demo';
    const provider = demo ? await demoZoom.provider() : resolved.provider;
    const core = createMeetingTrayCore({
      provider,
      demo,
      secrets,
      settings: host.settings,
      clock: host.clock,
      fetch,
      openBrowser: host.openBrowser,
      wake: host.wake,
      logger,
    });
    return { ...core, source: resolved.source, provider };
  };

  const core = createSwitchableCore({ first: await build(first), drainMs: QUIT_DRAIN_MS, logger });
  teardown.add(() => core.shutdown(QUIT_DRAIN_MS));
  const preferences = createPreferences({
    settings: host.settings,
    host: host.preferencesHost ?? { launchAtLogin: false, macKeys: false, menuBarTitle: 'hidden' },
    logger,
  });

  // Demo mode (no Zoom account configured) connects Fathom to its sandbox too, unless a Fathom
  // app is configured. Decided at start: a Zoom account saved later leaves Fathom as it is.
  const demoFathom = first.source === 'demo' ? await startDemoFathomSandbox(host) : null;
  if (demoFathom) teardown.add(() => demoFathom.close());
  const personEmail = () => {
    const state = core.session.getState();
    return state.kind === 'signed-in' ? state.profile.email : null;
  };
  const fathom = await createAppFathom({
    env,
    builtIn: host.builtIn,
    demo: demoFathom && demoFathomProvider(demoFathomConnection(demoFathom)),
    secrets,
    settings: host.settings,
    clock: host.clock,
    fetch,
    openBrowser: host.openBrowser,
    wake: host.wake,
    minuteTicks: core.minuteTicks,
    logger,
    personEmail,
  });
  // Registered after the Zoom core's: teardown runs newest first, so Fathom drains first.
  teardown.add(() => fathom.connection.shutdown(QUIT_DRAIN_MS));
  // Whose action items are "mine" follows the Zoom profile's email.
  let lastEmail = personEmail();
  core.session.subscribe(() => {
    const email = personEmail();
    if (email === lastEmail) return;
    lastEmail = email;
    fathom.connection.personChanged();
  });

  const settings = createSettingsService({
    accounts,
    env,
    builtIn: host.builtIn,
    preferences,
    inUse: () => core.current(),
    switchTo: (next) => core.switchTo(() => build(next)),
    fetch,
    logger,
    fathom: fathom.settings,
  });
  return {
    fathom: fathom.connection,
    session: core.session,
    minuteTicks: core.minuteTicks,
    auth: core.auth,
    settings,
    preferences,
    get demo() {
      return core.current().source === 'demo';
    },
  };
}

/**
 * The demo Fathom sandbox's client. Its redirect takes any free port (the sandbox matches the
 * callback path on any loopback port), so a demo never fails on a busy fixed port.
 */
function demoFathomProvider(demo: ReturnType<typeof demoFathomConnection>) {
  const provider = fathomProviderConfig({
    clientId: demo.clientId,
    clientSecret: demo.clientSecret,
    oauthBaseUrl: demo.oauthBaseUrl,
    apiBaseUrl: demo.apiBaseUrl,
  });
  return {
    provider: { ...provider, redirect: { kind: 'loopback' as const, path: FATHOM_CALLBACK_PATH } },
    apiBaseUrl: demo.apiBaseUrl,
  };
}

/**
 * Demo mode: sign-in and meetings come from the Zoom sandbox, started in this process the first
 * time the demo is used (at start, or when Settings falls back to it) and kept until quit.
 */
function createLazyDemoZoom(host: Pick<AppCoreHost, 'dataDir' | 'logger'>) {
  let sandbox: Promise<ZoomSandbox> | null = null;
  return {
    async provider(): Promise<AuthProviderConfig> {
      sandbox ??= startDemoSandbox(host);
      return demoProviderConfig(await sandbox);
    },
    async close() {
      await (await sandbox?.catch(() => null))?.close();
    },
  };
}
