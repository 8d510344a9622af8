// Shared wiring for the auth benchmarks: the auth service on in-memory ports and a fake
// clock, talking to a real HTTP server (the Zoom sandbox) or an in-process token endpoint.
import { createAuthService, type AuthServiceDeps } from '../../main/core/auth/auth-service.ts';
import { createLoopbackListener } from '../../main/core/auth/loopback-listener.ts';
import type { Clock, SecretStore, SettingsStore, WakeEvents } from '../../main/core/ports.ts';

export function memorySecrets(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value);
    },
    delete: async (key) => {
      values.delete(key);
    },
  };
}

export function memorySettings(): SettingsStore {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    set: (k, v) => values.set(k, v),
    delete: (k) => values.delete(k),
  };
}

export const noWake: WakeEvents = { onWake: () => () => undefined };
export const quietLogger = { info() {}, warn() {}, error() {} };

/** A manual clock: timers fire only in advance(), in order, awaiting real I/O in between. */
export function manualClock(start: number) {
  let now = start;
  let id = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: Clock & { advance(ms: number, settle: () => Promise<void>): Promise<void> } = {
    now: () => now,
    setTimeout(run, ms) {
      id += 1;
      timers.set(id, { at: now + Math.max(0, ms), run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms, settle) {
      const target = now + ms;
      for (;;) {
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next || next[1].at > target) break;
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].run();
        await settle();
      }
      now = target;
    },
  };
  return clock;
}

export function benchAuthService(
  overrides: Partial<AuthServiceDeps> & Pick<AuthServiceDeps, 'provider' | 'clock' | 'openBrowser'>,
) {
  return createAuthService({
    secrets: memorySecrets(),
    settings: memorySettings(),
    fetch,
    wake: noWake,
    logger: quietLogger,
    random: () => 0,
    createLoopbackListener: ({ expectedState }) =>
      createLoopbackListener({ expectedState, clock: overrides.clock, lingerMs: 0 }),
    ...overrides,
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Presses Allow on the sandbox's consent page (as test/helpers/sandbox-browser.ts does for
 * tests) and returns the redirect to our loopback server.
 */
export async function allowOnSandboxConsent(authorizationUrl: string): Promise<URL> {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  const html = await page.text();
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no consent form (HTTP ${page.status})`);
  const attr = (tag: string, name: string) =>
    new RegExp(`${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? '';
  const body = new URLSearchParams();
  for (const input of (form[2] ?? '').matchAll(/<input\b([^>]*)>/gi)) {
    if (attr(input[1] ?? '', 'type') === 'hidden')
      body.set(attr(input[1] ?? '', 'name'), attr(input[1] ?? '', 'value'));
  }
  for (const button of (form[2] ?? '').matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
    if (
      (button[2] ?? '')
        .replace(/<[^>]*>/g, '')
        .trim()
        .toLowerCase() === 'allow'
    ) {
      const name = attr(button[1] ?? '', 'name');
      if (name) body.set(name, attr(button[1] ?? '', 'value'));
    }
  }
  const answer = await fetch(new URL(attr(form[1] ?? '', 'action'), authorizationUrl), {
    method: 'POST',
    body,
    redirect: 'manual',
  });
  await answer.body?.cancel();
  const location = answer.headers.get('location');
  if (!location) throw new Error(`consent answered HTTP ${answer.status}`);
  return new URL(location, authorizationUrl);
}
