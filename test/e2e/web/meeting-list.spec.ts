// The meeting list at scale, in real Chromium with real layout: 1,000 meetings from the
// sandbox through the harness's core and IPC door. Only what the window shows is in the page;
// the keyboard walks the whole list with the page scrolling along; focus survives scrolling.
import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import {
  checkScreenLightAndDark,
  newHarnessSetup,
  signInThroughConsent,
  startHarness,
  type HarnessRun,
  type HarnessSetup,
} from './harness-kit.ts';

const MEETINGS = 1000;
const WINDOW = { width: 400, height: 720 };

/** Where focus is: the row it is in (its place in the list) and whether it is in view. */
function focusedRow(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    const row = active?.closest('li.meeting');
    if (!active || !row) return null;
    const box = active.getBoundingClientRect();
    return {
      index: Number(row.getAttribute('data-index')),
      label: active.getAttribute('aria-label') ?? '',
      inView: box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });
}

const rowsInPage = (page: Page) => page.locator('li.meeting').count();
const firstRowJoin = (page: Page) =>
  page
    .locator('li.meeting')
    .first()
    .getByRole('button', { name: /^Join / });

test.describe.serial('1,000 meetings', () => {
  let sandbox: ZoomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    sandbox = await startZoomSandbox({ meetingCount: MEETINGS });
    setup = newHarnessSetup(sandbox);
    harness = await startHarness(setup);
    const context = await browser.newContext({ viewport: WINDOW });
    page = await context.newPage();
    await page.goto(harness.url);
    await signInThroughConsent(page, 'Allow');
    await expect(page.getByRole('heading', { name: 'Upcoming meetings' })).toBeVisible();
    await expect(page.locator('li.meeting').first()).toBeVisible();
  });

  test.afterAll(async () => {
    await page?.context().close();
    await harness?.stop();
    await sandbox?.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  test('only the rows in view (and a few beyond) are in the page; each row knows its place', async () => {
    expect(await rowsInPage(page)).toBeLessThan(40);
    const groups = await page.evaluate(() =>
      [...document.querySelectorAll('ul.group__list')].map((list) => {
        const row = list.querySelector('li');
        return {
          name: list.getAttribute('aria-label') ?? list.getAttribute('aria-labelledby'),
          size: Number(row?.getAttribute('aria-setsize')),
          first: Number(row?.getAttribute('aria-posinset')),
        };
      }),
    );
    expect(groups[0]).toMatchObject({ first: 1 });
    expect(groups.every((group) => group.name && group.size > 0)).toBe(true);
    // The page is as tall as the whole list, so the scroll bar tells the truth.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeGreaterThan(MEETINGS * 40);
    await checkScreenLightAndDark(page, 'meetings-1000');
  });

  test('Tab walks row after row, and the page scrolls to keep the focused one in view', async () => {
    await firstRowJoin(page).focus();
    let previous = await focusedRow(page);
    expect(previous).toMatchObject({ inView: true, label: expect.stringMatching(/^Join /u) });
    for (let step = 0; step < 80; step += 1) {
      await page.keyboard.press('Tab');
      // In view once the rows just rendered have been measured (a frame or two).
      await expect
        .poll(async () => (await focusedRow(page))?.inView, { message: `step ${step}` })
        .toBe(true);
      const now = await focusedRow(page);
      // Join then Copy in one row, then the next row's Join (a heading may sit between rows).
      expect(now!.index).toBeGreaterThanOrEqual(previous!.index);
      previous = now;
    }
    expect(previous!.index).toBeGreaterThan(35);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(WINDOW.height);
    expect(await rowsInPage(page)).toBeLessThan(40);

    await page.keyboard.press('Shift+Tab');
    await expect.poll(async () => (await focusedRow(page))?.inView).toBe(true);
    const back = await focusedRow(page);
    expect(back!.index).toBeLessThanOrEqual(previous!.index);
  });

  test('scrolling away keeps the focused row, and Tab then goes on from it', async () => {
    await firstRowJoin(page).focus();
    const before = await focusedRow(page);
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, 30_000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(20_000);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const still = await focusedRow(page);
    expect(still).toMatchObject({ index: before!.index, label: before!.label, inView: false });
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await focusedRow(page))?.inView).toBe(true);
    const next = await focusedRow(page);
    expect(next).toMatchObject({ index: before!.index, inView: true });
    expect(next!.label).toMatch(/^Copy link for /u);
  });

  test('the end of the list is reachable: its last row says it is the last of its group', async () => {
    await page.keyboard.press('End');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const last = page.locator('li.meeting').last();
    await expect(last).toBeVisible();
    const place = await last.evaluate((row) => [
      row.getAttribute('aria-posinset'),
      row.getAttribute('aria-setsize'),
    ]);
    expect(place[0]).toBe(place[1]);
  });
});
