// Wiring for session integration and fault tests: the whole core (createMeetingTrayCore) on the
// Zoom sandbox over real HTTP on 127.0.0.1, a "browser" that presses Allow, and a latency knob a
// test holds and releases with promises (never a sleep).
import type { SessionState } from '../../../preload/contract.ts';
import { sandboxProviderConfig } from '../../../main/core/config/sandbox-provider.ts';
import {
  createMeetingTrayCore,
  type MeetingTrayCore,
} from '../../../main/core/meeting-tray-core.ts';
import type { Clock, SecretStore, SettingsStore } from '../../../main/core/ports.ts';
import type { ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createFakeWakeEvents } from '../../fakes/fake-wake-events.ts';
import { rawRequest, type RawResponse } from '../../helpers/raw-http.ts';
import { consent } from '../../helpers/sandbox-browser.ts';

/**
 * The sandbox's `sleep` option, controlled by the test: while held, every request waits after
 * it was counted and before it is answered, until release().
 */
export function createRequestGate() {
  let holding = false;
  const waiting: Array<() => void> = [];
  const watchers: Array<{ count: number; resolve: () => void }> = [];
  const notify = () => {
    for (const watcher of watchers.splice(0)) {
      if (waiting.length >= watcher.count) watcher.resolve();
      else watchers.push(watcher);
    }
  };
  return {
    /** Pass as ZoomSandboxOptions.sleep, with latencyMs > 0 so it is called for every request. */
    sleep: (): Promise<void> => {
      if (!holding) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        notify();
      });
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const resolve of waiting.splice(0)) resolve();
    },
    /** Resolves once `count` requests are being held. */
    held(count = 1): Promise<void> {
      return new Promise<void>((resolve) => {
        watchers.push({ count, resolve });
        notify();
      });
    },
    heldNow: () => waiting.length,
  };
}

export interface CoreOptions {
  sandbox: ZoomSandbox;
  clock: Clock;
  secrets: SecretStore;
  settings: SettingsStore;
}

/** The app's core on the sandbox's public client; sign-in presses Allow like a person would. */
export function startCore(options: CoreOptions) {
  const pages: Promise<RawResponse>[] = [];
  const logger = createCapturingLogger();
  const core: MeetingTrayCore = createMeetingTrayCore({
    provider: sandboxProviderConfig({
      url: options.sandbox.url,
      apiBaseUrl: options.sandbox.apiBaseUrl,
      clientId: options.sandbox.clients.public.clientId,
    }),
    demo: true,
    secrets: options.secrets,
    settings: options.settings,
    clock: options.clock,
    fetch,
    openBrowser: async (url) => {
      const redirect = await consent(url, 'allow');
      pages.push(rawRequest(redirect.href));
    },
    wake: createFakeWakeEvents(),
    logger,
  });
  const states: SessionState[] = [];
  core.session.subscribe((state) => states.push(state));
  return { core, states, pages, logger };
}

/** Resolves with the first state (now or later) that matches. */
export function waitForState(
  session: MeetingTrayCore['session'],
  matches: (state: SessionState) => boolean,
): Promise<SessionState> {
  return new Promise((resolve) => {
    const now = session.getState();
    if (matches(now)) return resolve(now);
    const stop = session.subscribe((state) => {
      if (!matches(state)) return;
      stop();
      resolve(state);
    });
  });
}

export const isLoaded = (state: SessionState) =>
  state.kind === 'signed-in' && !state.refreshing && !state.stale;
