import { afterEach } from 'vitest';
import {
  createAuthService,
  type AuthServiceDeps,
} from '../../../../main/core/auth/auth-service.ts';
import type { AuthStatus } from '../../../../main/core/auth/auth-service.types.ts';
import { createLoopbackListener } from '../../../../main/core/auth/loopback-listener.ts';
import type { SecretStore } from '../../../../main/core/ports.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeTokenEndpoint } from '../../../fakes/fake-token-endpoint.ts';
import { createFakeWakeEvents } from '../../../fakes/fake-wake-events.ts';
import {
  createMemorySecretStore,
  createMemorySettingsStore,
} from '../../../fakes/memory-stores.ts';
import { rawRequest, type RawResponse } from '../../../helpers/raw-http.ts';

/** Wires the auth service to fakes at its ports and the real loopback listener. */
export function createAuthFixture(
  options: { expiresIn?: number; secrets?: SecretStore; overrides?: Partial<AuthServiceDeps> } = {},
) {
  const clock = createFakeClock();
  const endpoint = createFakeTokenEndpoint({ expiresIn: options.expiresIn ?? 3600 });
  const secrets = options.secrets ?? createMemorySecretStore();
  const settings = createMemorySettingsStore();
  const wake = createFakeWakeEvents();
  const logger = createCapturingLogger();
  const opened: string[] = [];
  const pages: Promise<RawResponse>[] = [];
  let browser: (url: string) => void = () => undefined;
  const openWaiters: { count: number; resolve: () => void }[] = [];
  const noteOpened = (url: string) => {
    opened.push(url);
    for (const waiter of openWaiters.filter((w) => opened.length >= w.count)) {
      openWaiters.splice(openWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  const deps: AuthServiceDeps = {
    provider: endpoint.provider,
    secrets,
    settings,
    clock,
    fetch: endpoint.fetch,
    wake,
    logger,
    random: () => 0,
    openBrowser: async (url) => {
      noteOpened(url);
      browser(url);
    },
    createLoopbackListener: ({ expectedState }) => createLoopbackListener({ expectedState, clock }),
    ...options.overrides,
  };
  const auth = createAuthService(deps);
  const statuses: AuthStatus[] = [];
  auth.onStatusChange((status) => statuses.push(status));

  /** Simulates the browser redirecting back to the loopback server with the given parameters. */
  const redirectBack = (authorizationUrl: string, params: Record<string, string>) => {
    const url = new URL(authorizationUrl);
    const target = new URL(url.searchParams.get('redirect_uri') ?? '');
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    const page = rawRequest(target.href);
    pages.push(page);
    return page;
  };
  const stateOf = (authorizationUrl: string) =>
    new URL(authorizationUrl).searchParams.get('state') ?? '';

  return {
    auth,
    deps,
    clock,
    endpoint,
    secrets,
    settings,
    wake,
    logger,
    opened,
    pages,
    statuses,
    redirectBack,
    stateOf,
    noteOpened,
    /** Resolves once the browser has been asked to open `count` times in total. */
    browserOpened(count = 1) {
      if (opened.length >= count) return Promise.resolve();
      return new Promise<void>((resolve) => openWaiters.push({ count, resolve }));
    },
    /** What the "person" does in the browser each time it is opened. */
    onBrowser(action: (url: string) => void) {
      browser = action;
    },
    approveInBrowser() {
      browser = (url) =>
        void redirectBack(url, { code: endpoint.issueCode(), state: stateOf(url) });
    },
    async signIn() {
      this.approveInBrowser();
      await auth.signIn();
    },
  };
}

/**
 * A `setup` that builds fixtures like createAuthFixture and disposes every one after each test,
 * so no loopback server or timer outlives its test.
 */
export function useAuthFixtures(): (
  ...args: Parameters<typeof createAuthFixture>
) => ReturnType<typeof createAuthFixture> {
  const fixtures: ReturnType<typeof createAuthFixture>[] = [];
  afterEach(async () => {
    await Promise.all(fixtures.splice(0).map((f) => f.auth.dispose()));
  });
  return (...args) => {
    const fixture = createAuthFixture(...args);
    fixtures.push(fixture);
    return fixture;
  };
}
