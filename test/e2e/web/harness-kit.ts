// Runs the browser harness as a real child process (so it can be restarted) against a Zoom
// sandbox that lives in the test process (so the test can read its counters and cut it off).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { tokenVaultKey } from '../../../main/core/auth/token-vault.ts';
import { parseTokenSet } from '../../../main/core/auth/token-set.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import type { ZoomSandbox } from '../../../main/sandbox/index.ts';

const root = resolve(import.meta.dirname, '../../..');
export const SCREENSHOT_DIR = resolve(
  root,
  process.env.SCREENSHOT_DIR ?? 'test-results/screenshots',
);

export interface HarnessRun {
  url: string;
  output: string[];
  stop(): Promise<void>;
}

export interface HarnessSetup {
  /** Points the harness at this sandbox's public client; omit for demo mode. */
  sandbox?: ZoomSandbox;
  dataDir: string;
  keychainService: string;
}

export function newHarnessSetup(sandbox?: ZoomSandbox): HarnessSetup {
  const dataDir = mkdtempSync(join(tmpdir(), 'meeting-tray-e2e-'));
  return {
    sandbox,
    dataDir,
    keychainService: `Meeting Tray e2e ${process.pid} ${Math.random().toString(36).slice(2)}`,
  };
}

/**
 * Starts `main/harness/cli.ts`. `env` adds variables for this run, e.g. the test mode
 * (`MEETING_TRAY_E2E=1`), `MEETING_TRAY_HARNESS_ZOOM_APP` or `MEETING_TRAY_HARNESS_CLOCK_OFFSET_MS`.
 */
export async function startHarness(
  setup: HarnessSetup,
  env: Record<string, string> = {},
): Promise<HarnessRun> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    MEETING_TRAY_DATA_DIR: setup.dataDir,
    MEETING_TRAY_KEYCHAIN_SERVICE: setup.keychainService,
    ...env,
  };
  delete childEnv.ZOOM_CLIENT_ID;
  delete childEnv.ZOOM_CLIENT_SECRET;
  if (setup.sandbox) {
    childEnv.ZOOM_CLIENT_ID = setup.sandbox.clients.public.clientId;
    childEnv.ZOOM_OAUTH_BASE = setup.sandbox.url;
    childEnv.ZOOM_API_BASE = setup.sandbox.apiBaseUrl;
  }
  const child: ChildProcess = spawn(process.execPath, [join(root, 'main/harness/cli.ts')], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`harness did not start:\n${output.join('')}`)),
      30_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`harness exited with ${code}:\n${output.join('')}`)),
    );
  });
  return {
    url,
    output,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** What the keychain holds for this run's sign-in, read the way the app reads it. */
export async function storedTokens(setup: HarnessSetup) {
  const secrets = createChunkedSecretStore(
    createKeyringSecretStore({ service: setup.keychainService }),
  );
  const sandbox = setup.sandbox!;
  return parseTokenSet(
    await secrets.get(tokenVaultKey(sandbox.url, sandbox.clients.public.clientId)),
  );
}

export function tokenRequests(sandbox: ZoomSandbox): number {
  const { grants } = sandbox.counters();
  return (grants.authorization_code ?? 0) + (grants.refresh_token ?? 0);
}

/** Clicks through the sandbox's real consent page in the popup the harness opened. */
export async function signInThroughConsent(
  page: Page,
  decision: 'Allow' | 'Deny',
  onConsentPage?: (popup: Page) => Promise<void>,
) {
  const popupPromise = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in with Zoom' }).click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  await expect(popup.getByRole('button', { name: decision })).toBeVisible();
  if (onConsentPage) await onConsentPage(popup);
  await popup.getByRole('button', { name: decision }).click();
  return popup;
}

/**
 * Asks the harness's test routes (test mode only): opened links, moving main's clock, pressing a
 * global shortcut, or what the stand-in OS holds (shortcuts, launch at login).
 */
export async function harnessTest(
  harness: HarnessRun,
  route: 'opened-links' | 'clock' | 'press-shortcut' | 'desktop-state',
  body?: unknown,
): Promise<unknown> {
  const url = new URL(harness.url);
  const token = url.searchParams.get('token') ?? '';
  const response = await fetch(`${url.origin}/__test/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-harness-token': token, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`/__test/${route} answered ${response.status}`);
  return response.json();
}

/** Adds `values` to the harness's settings file (stop the harness first: it keeps its own copy). */
export function writeSettings(setup: HarnessSetup, values: Record<string, unknown>) {
  const file = join(setup.dataDir, 'settings.json');
  const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
  writeFileSync(file, JSON.stringify({ ...current, ...values }, null, 2));
}

/** checkScreen in the light scheme, then again in the dark one (`<name>-dark.png`). */
export async function checkScreenLightAndDark(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await checkScreen(page, name);
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkScreen(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Zero axe-core violations on the screen as it is now, and a screenshot for the README. */
export async function checkScreen(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
    `axe on ${name}`,
  ).toEqual([]);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
