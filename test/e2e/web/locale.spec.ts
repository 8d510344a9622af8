// Dates and times in the page's locale and zone (the harness's "system" is the browser: a
// context's `locale` and `timezoneId`), the 12/24-hour habit of each, and the clock option
// forcing 12 hours where the locale says 24. One signed-in harness, one browser context per case.
import { rmSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import {
  checkScreenLightAndDark,
  newHarnessSetup,
  signInThroughConsent,
  startHarness,
  writeSettings,
  type HarnessRun,
  type HarnessSetup,
} from './harness-kit.ts';

/** The time lines of every row, the list scrolled to its end so the later days are drawn too. */
async function rowTimes(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  for (let step = 0; step < 12; step += 1) {
    for (const text of await page.locator('li.meeting .meeting__when').allTextContents())
      seen.add(text);
    await page.mouse.wheel(0, 600);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return [...seen];
}

async function openIn(browser: Browser, url: string, locale: string, timezoneId: string) {
  const context = await browser.newContext({
    viewport: { width: 400, height: 720 },
    locale,
    timezoneId,
  });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
  await expect(page.locator('li.meeting').first()).toBeVisible();
  return page;
}

test.describe.serial('locale-aware time', () => {
  let sandbox: ZoomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;

  test.beforeAll(async ({ browser }) => {
    sandbox = await startZoomSandbox();
    setup = newHarnessSetup(sandbox);
    harness = await startHarness(setup);
    const page = await (await browser.newContext()).newPage();
    await page.goto(harness.url);
    await signInThroughConsent(page, 'Allow');
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await page.context().close();
  });

  test.afterAll(async () => {
    await harness?.stop();
    await sandbox?.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  test('en-US in Los Angeles: 12-hour times, US dates, and where times are shown', async ({
    browser,
  }) => {
    const page = await openIn(browser, harness.url, 'en-US', 'America/Los_Angeles');
    const times = await rowTimes(page);
    const timed = times.filter((t) => t.includes('–'));
    expect(timed.length).toBeGreaterThan(5);
    for (const text of timed) expect(text).toMatch(/\d{1,2}:\d{2}\s[AP]M–\d{1,2}:\d{2}\s[AP]M/u);
    expect(
      times.some((t) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{1,2} · /u.test(t)),
    ).toBe(true);
    await expect(page.getByTestId('profile-zone')).toContainText('times here are in Pacific');
    await checkScreenLightAndDark(page, 'locale-en-US');
    await page.context().close();
  });

  test('de-DE in Berlin: 24-hour times and German day names', async ({ browser }) => {
    const page = await openIn(browser, harness.url, 'de-DE', 'Europe/Berlin');
    const times = await rowTimes(page);
    const timed = times.filter((t) => t.includes('–'));
    for (const text of timed) expect(text).toMatch(/\d{2}:\d{2}–\d{2}:\d{2} · \d+\u00a0(min|h)/u);
    expect(times.some((t) => /^(Mo|Di|Mi|Do|Fr|Sa|So)\. \d{1,2}\. \S+ · /u.test(t))).toBe(true);
    expect(times.join('\n')).not.toMatch(/AM|PM/u);
    // The Zoom profile's zone is Berlin too: no note about another zone.
    await expect(page.getByTestId('profile-zone')).not.toContainText('times here are in');
    await checkScreenLightAndDark(page, 'locale-de-DE');
    await page.context().close();
  });

  test('a forced 12-hour clock wins over the locale', async ({ browser }) => {
    await harness.stop();
    writeSettings(setup, { 'display.clock': '12h' });
    harness = await startHarness(setup);
    const page = await openIn(browser, harness.url, 'de-DE', 'Europe/Berlin');
    const timed = (await rowTimes(page)).filter((t) => t.includes('–'));
    expect(timed.length).toBeGreaterThan(5);
    for (const text of timed)
      expect(text).toMatch(/\d{1,2}:\d{2}\s(AM|PM)–\d{1,2}:\d{2}\s(AM|PM)/u);
    await checkScreenLightAndDark(page, 'clock-12h-de-DE');
    await page.context().close();
  });
});
