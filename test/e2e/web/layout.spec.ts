// Layout at 360 px and at 150 % text size (Chromium's own default-font-size setting, which the
// window's rem-based sizes follow): nothing cut or spilling, long topics readable in full,
// lengths never broken across lines; screenshots for both, axe in light and dark.
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

const LONG_TOPIC_START = 'Quarterly business review with the EMEA partner success team';

/** Sets the browser's default text size, as a person does in its settings (16 px is 100 %). */
async function setTextSize(page: Page, percent: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', {
    fontSizes: {
      standard: Math.round((16 * percent) / 100),
      fixed: Math.round((13 * percent) / 100),
    },
  });
}

/** Elements whose content is wider than their box (text or children cut or spilling). */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      '.profile *, .now-next *, li.meeting *, .meetings__header *',
    )) {
      if (element.closest('.visually-hidden')) continue;
      if (element.scrollWidth > element.clientWidth + 1)
        found.push(`${element.className || element.tagName}: ${element.textContent?.slice(0, 40)}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth)
      found.push('the page scrolls sideways');
    return found;
  });
}

/** True when the initials' text lies wholly inside the round avatar. */
function initialsInsideAvatar(page: Page) {
  return page.evaluate(() => {
    const avatar = document.querySelector('.avatar--initials');
    if (!avatar?.firstChild) return false;
    const range = document.createRange();
    range.selectNodeContents(avatar);
    const text = range.getBoundingClientRect();
    const box = avatar.getBoundingClientRect();
    return (
      text.left >= box.left &&
      text.right <= box.right &&
      text.top >= box.top &&
      text.bottom <= box.bottom
    );
  });
}

test.describe.serial('layout at 360 px and at 150 % text', () => {
  let sandbox: ZoomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    sandbox = await startZoomSandbox();
    setup = newHarnessSetup(sandbox);
    harness = await startHarness(setup);
    page = await (
      await browser.newContext({ viewport: { width: 360, height: 720 }, locale: 'en-GB' })
    ).newPage();
    await page.goto(harness.url);
    await signInThroughConsent(page, 'Allow');
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
  });

  test.afterAll(async () => {
    await page?.context().close();
    await harness?.stop();
    await sandbox?.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  test('360 px: nothing cut or spilling, lengths kept whole', async () => {
    expect(await overflowing(page)).toEqual([]);
    const lengths = await page.locator('li.meeting .meeting__when').allTextContents();
    expect(lengths.some((text) => /\d\u00a0(min|h)/u.test(text))).toBe(true);
    expect(lengths.join('\n')).not.toMatch(/\d (min|h)\b/u);
    await checkScreenLightAndDark(page, 'layout-360');
  });

  test('a long topic wraps to two lines, and is whole on hover and for screen readers', async () => {
    // The list draws only the rows in view: scroll until the long topic's row is drawn.
    const topic = page.locator('li.meeting .meeting__topic', { hasText: LONG_TOPIC_START });
    for (let i = 0; i < 10 && (await topic.count()) === 0; i += 1) await page.mouse.wheel(0, 400);
    await topic.scrollIntoViewIfNeeded();
    await expect(topic).toBeVisible();
    const full = (await topic.getAttribute('title')) ?? '';
    expect(full.startsWith(LONG_TOPIC_START)).toBe(true);
    expect(full).toContain('(please read the pre-read before joining)');
    // The whole text is in the page (screen readers read it), shown on at most two lines.
    expect(await topic.textContent()).toBe(full);
    const lines = () =>
      topic.evaluate((element) => {
        const style = getComputedStyle(element);
        return Math.round(element.getBoundingClientRect().height / parseFloat(style.lineHeight));
      });
    await expect.poll(lines).toBe(2);
    const label = await page
      .locator('li.meeting', { hasText: LONG_TOPIC_START })
      .getByRole('button', { name: /^Join / })
      .getAttribute('aria-label');
    expect(label).toBe(`Join ${full}`);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  test('150 % text at 360 px: the words grow, the boxes with them, initials stay in the avatar', async () => {
    const before = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    await setTextSize(page, 150);
    await expect
      .poll(() =>
        page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)),
      )
      .toBeCloseTo(before * 1.5, 1);
    expect(await initialsInsideAvatar(page)).toBe(true);
    expect(await overflowing(page)).toEqual([]);
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    const name = await page.getByRole('heading', { name: 'Ada Okafor' }).boundingBox();
    expect(name?.width ?? 0).toBeGreaterThan(60);
    await checkScreenLightAndDark(page, 'layout-150pct-text');
  });
});
