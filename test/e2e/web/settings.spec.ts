// End to end in real Chromium: a person in demo mode connects their own "Zoom" (a Zoom sandbox
// running as a separate process, as `npm run sandbox` runs it) in Settings, signs in to it, then
// switches to another client ID: the old grant is revoked before the new one signs in.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { tokenVaultKey } from '../../../main/core/auth/token-vault.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { CLIENT_SECRET_KEY } from '../../../main/core/settings/zoom-account-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import {
  checkScreenLightAndDark,
  newHarnessSetup,
  signInThroughConsent,
  startHarness,
  type HarnessRun,
  type HarnessSetup,
} from './harness-kit.ts';

const root = resolve(import.meta.dirname, '../../..');

/** The sandbox CLI as a person runs it, and what it prints: its URL and its demo credentials. */
interface SandboxProcess {
  url: string;
  apiBase: string;
  publicClientId: string;
  confidential: { clientId: string; clientSecret: string };
  /** The sandbox's request counters (test mode's GET /__sandbox/counters). */
  requests(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

async function startSandboxProcess(): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'main/sandbox/cli.ts'), '--test-mode'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const printed = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the sandbox did not start:\n${output}`)),
      30_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/API base: \S+/.test(output)) {
        clearTimeout(timer);
        done(output);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`the sandbox exited with ${code}:\n${output}`)));
  });
  const match = (pattern: RegExp) => {
    const found = pattern.exec(printed)?.[1];
    if (!found) throw new Error(`the sandbox did not print ${pattern}:\n${printed}`);
    return found;
  };
  const url = match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
  return {
    url,
    apiBase: match(/API base: (\S+)/),
    publicClientId: match(/Public client \(PKCE, no secret\): client_id=(\S+)/),
    confidential: {
      clientId: match(/Confidential client: client_id=(\S+)/),
      clientSecret: match(/client_secret=(\S+)/),
    },
    async requests() {
      const counters = (await (await fetch(`${url}/__sandbox/counters`)).json()) as {
        requests: Record<string, number>;
      };
      return counters.requests;
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Fills the Zoom account section for a server of our own, with an optional secret. */
async function enterAccount(
  page: Page,
  sandbox: SandboxProcess,
  clientId: string,
  clientSecret?: string,
) {
  const section = page.getByRole('region', { name: 'Zoom account' });
  await section.getByRole('radio', { name: /Another server/ }).check();
  await section.getByLabel('Authorization server').fill(sandbox.url);
  await section.getByLabel('API base URL').fill(sandbox.apiBase);
  await section.getByLabel('Client ID').fill(clientId);
  if (clientSecret !== undefined) await section.getByLabel(/Client secret/).fill(clientSecret);
}

test.describe.serial('Settings: connect your own Zoom account, then switch to another', () => {
  let sandbox: SandboxProcess;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;

  const keychain = () =>
    createChunkedSecretStore(createKeyringSecretStore({ service: setup.keychainService }));
  const revokes = async () => (await sandbox.requests())['POST /oauth/revoke'] ?? 0;

  test.beforeAll(async ({ browser }) => {
    sandbox = await startSandboxProcess();
    setup = newHarnessSetup(); // no Zoom configured: the harness starts in demo mode
    harness = await startHarness(setup);
    const context = await browser.newContext({ viewport: { width: 400, height: 820 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await page?.context().close();
    await harness?.stop();
    await sandbox?.stop();
    if (setup) {
      const store = keychain();
      for (const key of [
        tokenVaultKey(sandbox.url, sandbox.publicClientId),
        tokenVaultKey(sandbox.url, sandbox.confidential.clientId),
        CLIENT_SECRET_KEY,
      ])
        await store.delete(key);
      rmSync(setup.dataDir, { recursive: true, force: true });
    }
  });

  test('1. demo mode says so and opens Settings; the form checks what is typed (axe: 0)', async () => {
    await page.goto(harness.url);
    await expect(page.getByTestId('demo-note')).toContainText('Demo mode');
    await page.getByRole('button', { name: 'Connect your Zoom account' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeFocused();
    const section = page.getByRole('region', { name: 'Zoom account' });
    await expect(section.getByLabel('Redirect URL to register')).toHaveValue(
      'http://127.0.0.1/callback',
    );
    await checkScreenLightAndDark(page, 'settings-demo');

    await section.getByRole('button', { name: 'Save' }).click();
    await expect(section.getByText(/^Client ID is required/)).toBeVisible();
    await section.getByRole('radio', { name: /Another server/ }).check();
    await section.getByLabel('Authorization server').fill('http://zoom.example.com');
    await section.getByLabel('Authorization server').blur();
    await expect(section.getByText(/^Authorization server must use https:\/\//)).toBeVisible();
    await checkScreenLightAndDark(page, 'settings-invalid');
  });

  test('2. Test reports plainly: client ID rejected, then reachable', async () => {
    const section = page.getByRole('region', { name: 'Zoom account' });
    await enterAccount(page, sandbox, 'NoSuchClientId');
    await section.getByRole('button', { name: 'Test' }).click();
    await expect(page.getByTestId('test-result')).toContainText('Client ID rejected');

    await section.getByLabel('Client ID').fill(sandbox.publicClientId);
    await section.getByRole('button', { name: 'Test' }).click();
    await expect(page.getByTestId('test-result')).toContainText('Reachable');
    await checkScreenLightAndDark(page, 'settings-tested');
  });

  test('3. save, sign in to the configured server through its consent page', async () => {
    const section = page.getByRole('region', { name: 'Zoom account' });
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('settings-saved')).toContainText('Saved.');
    await expect(page.getByTestId('zoom-account-source')).toContainText('saved here');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('demo-note')).toHaveCount(0);

    const popup = await signInThroughConsent(page, 'Allow');
    await expect(popup.getByText("You're signed in — you can close this tab")).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await expect(page.getByTestId('demo-banner')).toHaveCount(0);
    expect(await keychain().get(tokenVaultKey(sandbox.url, sandbox.publicClientId))).not.toBeNull();
  });

  test('4. switch to another client ID: the old grant is revoked and wiped, the new one signs in', async () => {
    const revokedBefore = await revokes();
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByText(/Saving a different account signs you out/)).toBeVisible();
    await enterAccount(
      page,
      sandbox,
      sandbox.confidential.clientId,
      sandbox.confidential.clientSecret,
    );
    await page
      .getByRole('region', { name: 'Zoom account' })
      .getByRole('button', { name: 'Save' })
      .click();
    await expect(page.getByTestId('settings-saved')).toContainText('Saved.');
    expect(await revokes()).toBe(revokedBefore + 1);
    expect(await keychain().get(tokenVaultKey(sandbox.url, sandbox.publicClientId))).toBeNull();

    await page.getByRole('button', { name: 'Done' }).click();
    const popup = await signInThroughConsent(page, 'Allow');
    await expect(popup.getByText("You're signed in — you can close this tab")).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    const store = keychain();
    expect(
      await store.get(tokenVaultKey(sandbox.url, sandbox.confidential.clientId)),
    ).not.toBeNull();
    expect(await store.get(CLIENT_SECRET_KEY)).toBe(sandbox.confidential.clientSecret);

    // The secret lives in the keychain only: not in the settings file, not in the logs.
    const settingsFile = readFileSync(join(setup.dataDir, 'settings.json'), 'utf8');
    expect(settingsFile).toContain(sandbox.confidential.clientId);
    expect(settingsFile).not.toContain(sandbox.confidential.clientSecret);
    expect(harness.output.join('')).not.toContain(sandbox.confidential.clientSecret);
  });

  test('5. the saved account (and its secret from the keychain) is used after a restart', async () => {
    await harness.stop();
    harness = await startHarness(setup);
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Zoom account' });
    await expect(section.getByLabel('Client ID')).toHaveValue(sandbox.confidential.clientId);
    await expect(section.getByLabel(/Client secret/)).toHaveValue('');
    await expect(section.getByText(/A client secret is saved in your keychain/)).toBeVisible();
    await checkScreenLightAndDark(page, 'settings-saved-account');
  });
});
