// The now/next card under a fake clock: main's clock (the harness's, shifted in test mode) and
// the Zoom sandbox's agree on a known moment, so the demo's stand-up is 10 minutes in and the
// design review 25 minutes away. The page's own clock (Playwright's page.clock) runs ahead 10
// minutes to show the window keeps no timer; moving main's clock a minute moves the countdown.
import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import {
  checkScreenLightAndDark,
  harnessTest,
  newHarnessSetup,
  signInThroughConsent,
  startHarness,
  type HarnessRun,
  type HarnessSetup,
} from './harness-kit.ts';

const MINUTE = 60_000;
const SLOT = 30 * MINUTE;

test.describe.serial('now and next, on main’s minute', () => {
  let sandbox: ZoomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;
  /** The virtual moment the sandbox's demo meetings are placed around (a 30-minute boundary). */
  let anchor = 0;

  /** Moves main's clock just past its next minute (a tick, and a push), and says which minute. */
  const tickToNextMinute = async () => {
    const { now } = (await harnessTest(harness, 'clock', { advanceMs: 0 })) as { now: number };
    const next = Math.ceil((now + 1) / MINUTE) * MINUTE;
    await harnessTest(harness, 'clock', { advanceMs: next - now + 500 });
    return Math.round((next - anchor) / MINUTE);
  };
  const countdown = (which: 'now' | 'next') =>
    page.getByTestId(`now-next-${which}`).getByTestId('countdown');

  test.beforeAll(async ({ browser }) => {
    // Real time shifted to the next half hour: both clocks start exactly on a demo anchor.
    const offset = Math.ceil(Date.now() / SLOT) * SLOT - Date.now();
    anchor = Date.now() + offset;
    sandbox = await startZoomSandbox({ now: () => Date.now() + offset });
    setup = newHarnessSetup(sandbox);
    harness = await startHarness(setup, {
      MEETING_TRAY_E2E: '1',
      MEETING_TRAY_HARNESS_CLOCK_OFFSET_MS: String(offset),
    });
    const context = await browser.newContext({
      viewport: { width: 400, height: 720 },
      timezoneId: 'Europe/Berlin',
      locale: 'en-GB',
    });
    page = await context.newPage();
    // The page's clock is Playwright's from the start: anything the window timed itself would
    // move when it is run forward.
    await page.clock.install({ time: anchor });
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

  test('the card shows the meeting in progress and the next, with countdowns', async () => {
    const minute = await tickToNextMinute();
    expect(minute).toBeLessThan(5);
    await expect(page.getByTestId('now-next-now')).toContainText('Weekly stand-up');
    await expect(countdown('now')).toHaveText(
      `started ${10 + minute}\u00a0min ago · ends in\u00a0${35 - minute}\u00a0min`,
    );
    await expect(page.getByTestId('now-next-next')).toContainText('Design review: onboarding flow');
    await expect(countdown('next')).toHaveText(`in\u00a0${25 - minute}\u00a0min`);
    await checkScreenLightAndDark(page, 'now-next');
  });

  test('the page’s own clock running ahead moves nothing: the window keeps no timer', async () => {
    const before = await countdown('next').textContent();
    await page.clock.runFor(10 * MINUTE);
    await expect(countdown('next')).toHaveText(before ?? '');
  });

  test('each minute main ticks, the countdown moves by one', async () => {
    const minute = await tickToNextMinute();
    await expect(countdown('next')).toHaveText(`in\u00a0${25 - minute}\u00a0min`);
    await expect(countdown('now')).toHaveText(
      `started ${10 + minute}\u00a0min ago · ends in\u00a0${35 - minute}\u00a0min`,
    );
    const following = await tickToNextMinute();
    expect(following).toBe(minute + 1);
    await expect(countdown('next')).toHaveText(`in\u00a0${24 - minute}\u00a0min`);
  });

  test('when the next meeting starts, it becomes "now" and the row is marked', async () => {
    const { now } = (await harnessTest(harness, 'clock', { advanceMs: 0 })) as { now: number };
    // Just before the review's start (anchor + 25 min), then its first minute.
    await harnessTest(harness, 'clock', { advanceMs: anchor + 25 * MINUTE - now - 30_000 });
    await tickToNextMinute();
    await expect(page.getByTestId('now-next-now')).toContainText('Design review: onboarding flow');
    await expect(countdown('now')).toHaveText(/^started (0|1)\u00a0min ago|^starting now/u);
    const row = page.locator('li.meeting', { hasText: 'Design review: onboarding flow' });
    await expect(row).toHaveClass(/meeting--now/u);
    await checkScreenLightAndDark(page, 'now-next-started');
  });
});
