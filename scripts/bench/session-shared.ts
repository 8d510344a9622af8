// Shared wiring for the session benchmarks: the whole core (createMeetingTrayCore) on the Zoom
// sandbox over real HTTP, the real keychain when one is reachable, and a consent "browser".
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { SessionState } from '../../preload/contract.ts';
import { sandboxProviderConfig } from '../../main/core/config/sandbox-provider.ts';
import { createMeetingTrayCore } from '../../main/core/meeting-tray-core.ts';
import type { Clock, SecretStore, SettingsStore } from '../../main/core/ports.ts';
import { createChunkedSecretStore } from '../../main/core/secrets/chunked-secret-store.ts';
import { createKeyringSecretStore } from '../../main/node/keyring-secret-store.ts';
import type { ZoomSandbox } from '../../main/sandbox/index.ts';
import { allowOnSandboxConsent, memorySecrets, noWake, quietLogger } from './auth-shared.ts';

/** The OS keychain (Secret Service under dbus-run-session) or, if none answers, memory. */
export async function benchKeychain(): Promise<{ secrets: SecretStore; name: string }> {
  const secrets = createChunkedSecretStore(
    createKeyringSecretStore({ service: `Meeting Tray Bench ${randomUUID()}` }),
  );
  try {
    await secrets.set('probe', 'x');
    await secrets.delete('probe');
    return { secrets, name: 'real keychain (Secret Service)' };
  } catch {
    return {
      secrets: memorySecrets(),
      name: 'in-memory store (no keychain reachable; run under dbus-run-session for the real one)',
    };
  }
}

export function benchCore(options: {
  sandbox: ZoomSandbox;
  clock: Clock;
  secrets: SecretStore;
  settings: SettingsStore;
  /** Called the moment the "browser" delivers the callback to the app's loopback server. */
  onCallback?: () => void;
}) {
  return createMeetingTrayCore({
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
      const location = await allowOnSandboxConsent(url);
      options.onCallback?.();
      request(location, { agent: false })
        .on('error', () => undefined)
        .end();
    },
    wake: noWake,
    logger: quietLogger,
  });
}

/** Resolves with the first state (now or later) that matches. */
export function waitForState(
  session: { getState(): SessionState; subscribe(l: (s: SessionState) => void): () => void },
  matches: (state: SessionState) => boolean,
): Promise<SessionState> {
  return new Promise((resolve) => {
    if (matches(session.getState())) return resolve(session.getState());
    const stop = session.subscribe((state) => {
      if (!matches(state)) return;
      stop();
      resolve(state);
    });
  });
}

export const isLoaded = (state: SessionState) =>
  state.kind === 'signed-in' && !state.refreshing && !state.stale;

/** Real timers on a wall clock that can be moved forward (to make a token expire). */
export function jumpableClock(): Clock & { jump(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      handle.unref();
      return handle;
    },
    clearTimeout(handle) {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
    jump(ms) {
      offset += ms;
    },
  };
}

/** Median time of `runs` sequences of `count` plain GETs to the sandbox, one after the other. */
export async function plainRoundTrips(sandbox: ZoomSandbox, count: number, runs: number) {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    for (let i = 0; i < count; i += 1) {
      const answer = await fetch(`${sandbox.url}/.well-known/oauth-authorization-server`);
      await answer.text();
    }
    samples.push(performance.now() - started);
  }
  return samples;
}
