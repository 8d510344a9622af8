// End-to-end in real Chromium: the browser harness runs the app's main-process core, the
// sandbox plays Zoom, and every sign-in goes through the sandbox's real consent page.
import { rmSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import {
  checkScreenLightAndDark,
  newHarnessSetup,
  signInThroughConsent,
  startHarness,
  storedTokens,
  tokenRequests,
  type HarnessRun,
  type HarnessSetup,
} from './harness-kit.ts';

test.describe.serial('a person signs in, restarts, goes offline and revokes', () => {
  let sandbox: ZoomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    sandbox = await startZoomSandbox();
    setup = newHarnessSetup(sandbox);
    harness = await startHarness(setup);
    // axe-core needs a page from an explicit context.
    const context = await browser.newContext({ viewport: { width: 400, height: 720 } });
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await page?.context().close();
    await harness?.stop();
    await sandbox?.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  test('1. sign in through the consent page: profile and meetings are shown', async () => {
    await page.goto(harness.url);
    await expect(page.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    await checkScreenLightAndDark(page, 'signed-out');

    const popup = await signInThroughConsent(page, 'Allow', async (consentPage) => {
      await expect(page.getByRole('heading', { name: 'Continue in your browser' })).toBeVisible();
      await checkScreenLightAndDark(page, 'signing-in');
      await consentPage.screenshot({
        path: `${process.env.SCREENSHOT_DIR ?? 'test-results/screenshots'}/consent.png`,
      });
    });
    await expect(popup.getByText("You're signed in — you can close this tab")).toBeVisible();

    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await expect(page.getByText('ada.okafor@example.com')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Upcoming meetings' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Join / }).first()).toBeVisible();
    expect(await page.getByRole('button', { name: /^Join / }).count()).toBeGreaterThan(5);
    await checkScreenLightAndDark(page, 'signed-in');
    expect(await storedTokens(setup)).not.toBeNull();
  });

  test('2. restart the harness: still signed in, cached data at once, 0 token requests', async () => {
    const before = tokenRequests(sandbox);
    await harness.stop();
    harness = await startHarness(setup);
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Join / }).first()).toBeVisible();
    // Give a background refresh every chance to happen before counting.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
    expect(tokenRequests(sandbox)).toBe(before);
  });

  test('3. Zoom unreachable: offline banner over the cached meetings; back: fresh data', async () => {
    await sandbox.pause();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('stale-banner')).toHaveText(/^Offline — updated \d{1,2}:\d{2}/);
    await expect(page.getByRole('button', { name: /^Join / }).first()).toBeVisible();
    await checkScreenLightAndDark(page, 'offline');

    await sandbox.resume();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('stale-banner')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
  });

  test('5. sign out & revoke: signed out, keychain empty, old refresh token refused', async () => {
    const tokens = await storedTokens(setup);
    expect(tokens).not.toBeNull();

    await page.getByRole('button', { name: /Sign out/ }).click();
    await expect(page.getByRole('dialog', { name: 'Sign out and revoke access?' })).toBeVisible();
    await checkScreenLightAndDark(page, 'sign-out-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();

    await expect(page.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    await expect(page.getByText('Signed out and access revoked.')).toBeVisible();
    await checkScreenLightAndDark(page, 'signed-out-after-revoke');
    expect(await storedTokens(setup)).toBeNull();

    const refused = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens!.refreshToken,
        client_id: sandbox.clients.public.clientId,
      }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

test('4. short-lived tokens: background refreshes for over a minute, never an error', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const sandbox = await startZoomSandbox({ accessTokenTtlSeconds: 20 });
  const setup = newHarnessSetup(sandbox);
  const harness = await startHarness(setup);
  try {
    await page.goto(harness.url);
    await signInThroughConsent(page, 'Allow');
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    const refreshesAtStart = sandbox.counters().grants.refresh_token ?? 0;

    const started = Date.now();
    while (Date.now() - started < 65_000) {
      await page.waitForTimeout(10_000);
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByTestId('stale-banner')).toHaveCount(0);
      await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    }
    // 65 s of 20-second tokens cannot be covered without at least three refreshes.
    expect(
      (sandbox.counters().grants.refresh_token ?? 0) - refreshesAtStart,
    ).toBeGreaterThanOrEqual(3);
    expect(harness.output.join('')).not.toMatch(/"level":"error"/);
  } finally {
    await harness.stop();
    // The harness's own log (redacted by its logger) explains any failure above.
    writeFileSync(test.info().outputPath('harness.log'), harness.output.join(''));
    await sandbox.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  }
});

test('6. deny on the consent page (demo mode): a clear message', async ({ page }) => {
  const setup = newHarnessSetup();
  const harness = await startHarness(setup);
  try {
    await page.setViewportSize({ width: 400, height: 720 });
    await page.goto(harness.url);
    await expect(page.getByText(/Demo mode/)).toBeVisible();
    await checkScreenLightAndDark(page, 'signed-out-demo');
    const popup = await signInThroughConsent(page, 'Deny');
    await expect(popup.getByText(/declined/i).first()).toBeVisible();
    await expect(page.getByText(/You declined/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    await checkScreenLightAndDark(page, 'declined');
  } finally {
    await harness.stop();
    rmSync(setup.dataDir, { recursive: true, force: true });
  }
});
