// Feedback in real Chromium: results show where the person is (a toast in view, not after the
// list), an outage is said once and nothing comes back after recovery, Cancel is quiet, a revoke
// Zoom did not confirm is a warning, and every message sits in a live region.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import {
  checkScreenLightAndDark,
  newHarnessSetup,
  SCREENSHOT_DIR,
  signInThroughConsent,
  startHarness,
  type HarnessRun,
  type HarnessSetup,
} from './harness-kit.ts';

const VIEWPORT = { width: 400, height: 720 };

/** True when the element is wholly inside the window as it is scrolled now. */
async function inView(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= VIEWPORT.height;
}

test.describe.serial('feedback where the person is looking', () => {
  let sandbox: ZoomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // 60 meetings: the list runs far below the window, as in the report.
    sandbox = await startZoomSandbox({ meetingCount: 60 });
    setup = newHarnessSetup(sandbox);
    harness = await startHarness(setup);
    page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await page.goto(harness.url);
  });

  test.afterAll(async () => {
    await page?.context().close();
    await harness?.stop();
    await sandbox?.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  test('Cancel is quiet: back to signed out with no error, only a note for screen readers', async () => {
    const popupPromise = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Sign in with Zoom' }).click();
    const popup = await popupPromise;
    await expect(page.getByRole('heading', { name: 'Continue in your browser' })).toBeVisible();
    await checkScreenLightAndDark(page, 'signing-in-screen');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    await expect(page.getByRole('status').getByText('Sign-in cancelled.')).toBeAttached();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('feedback')).toHaveCount(0);
    await popup.close();
  });

  test('declining says so once; the next sign-in leaves it behind', async () => {
    await signInThroughConsent(page, 'Deny');
    await expect(page.getByText(/You declined/u)).toHaveCount(1);
    await checkScreenLightAndDark(page, 'declined-screen');
    await signInThroughConsent(page, 'Allow', async () => {
      await expect(page.getByText(/You declined/u)).toHaveCount(0);
    });
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await expect(page.getByText(/You declined/u)).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a result deep in a long list shows in view, in a live region', async () => {
    for (let i = 0; i < 8; i += 1) await page.mouse.wheel(0, 800);
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(2000);
    const row = page.locator('li.meeting').filter({ hasText: 'Focus session' }).last();
    await row.getByRole('button', { name: /^Copy link for / }).click();
    const toast = page.getByTestId('feedback');
    await expect(toast).toContainText('Link copied: Focus session');
    expect(await inView(page, 'feedback')).toBe(true);
    await expect(page.getByRole('status').getByTestId('feedback')).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'feedback-in-view.png') });
    // The toast itself, in both schemes. A success leaves after a few seconds, but not while the
    // pointer rests on it.
    await toast.hover();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).include('.feedback').analyze();
      expect(results.violations.map((v) => v.id)).toEqual([]);
      await expect(toast).toBeVisible();
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await checkScreenLightAndDark(page, 'list-end');
  });

  test('an outage is said once, by the banner; after recovery nothing comes back', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await sandbox.pause();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('stale-banner')).toHaveText(/^Offline — updated /u);
    await expect(page.getByRole('alert')).toHaveCount(0);

    await sandbox.resume();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('stale-banner')).toHaveCount(0);
    await expect(page.getByTestId('feedback')).toContainText('Meetings updated');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a revoke Zoom did not confirm is a warning, not a success', async () => {
    await sandbox.pause();
    await page.getByRole('button', { name: /Sign out/u }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    const message = page.getByTestId('sign-out-message');
    await expect(message).toHaveAttribute('data-tone', 'warning');
    await expect(message).toContainText('Signed out on this computer only');
    await expect(message).toContainText('marketplace.zoom.us');
    await expect(page.getByRole('status').getByTestId('sign-out-message')).toBeVisible();
    expect(await inView(page, 'sign-out-message')).toBe(true);
    await checkScreenLightAndDark(page, 'signed-out-not-revoked');
    await sandbox.resume();
  });
});
