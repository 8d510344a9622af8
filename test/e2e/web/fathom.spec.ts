// End-to-end in real Chromium: Zoom and Fathom side by side. The browser harness runs the app's
// main-process core; the sandboxes play Zoom and Fathom, and every OAuth connection goes through
// their real consent pages. Demo mode first (both sandboxes inside the harness), then a run with
// both sandboxes in this process, so the test can take Fathom away and see the cached notes.
import { rmSync, writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import {
  FATHOM_DEMO_CLIENTS,
  startFathomSandbox,
  type FathomSandbox,
} from '../../../main/sandbox/fathom/index.ts';
import {
  checkScreen,
  checkScreenLightAndDark,
  harnessTest,
  newHarnessSetup,
  signInThroughConsent,
  startHarness,
  type HarnessRun,
  type HarnessSetup,
} from './harness-kit.ts';

const TEST_MODE = { MEETING_TRAY_E2E: '1' };

const notes = (page: Page) => page.getByRole('region', { name: 'Recent notes' });
const fathomSection = (page: Page) => page.getByRole('region', { name: 'Fathom' });

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(fathomSection(page)).toBeVisible();
}

async function closeSettings(page: Page) {
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toHaveCount(0);
}

/** The window at 360 px wide keeps everything inside it: nothing scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** axe and a screenshot of the notes in view, light then dark (`<name>-light`, `<name>-dark`). */
async function checkNotesLightAndDark(page: Page, name: string) {
  await scrollToTop(notes(page));
  await page.emulateMedia({ colorScheme: 'light' });
  await checkScreen(page, `${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await checkScreen(page, `${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Scrolls the page so this element starts at the top of the window. */
async function scrollToTop(target: Locator) {
  await target.evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

/** Every note card's heading text, in order. */
async function noteTitles(section: Locator): Promise<string[]> {
  return section.getByTestId('note').getByRole('heading', { level: 3 }).allTextContents();
}

test.describe.serial('demo mode: Zoom and Fathom connected side by side', () => {
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    setup = newHarnessSetup();
    harness = await startHarness(setup, TEST_MODE);
    const context = await browser.newContext({ viewport: { width: 360, height: 760 } });
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await page?.context().close();
    await harness?.stop();
    writeFileSync(test.info().outputPath('harness.log'), harness?.output.join('') ?? '');
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  test('1. Zoom signed in: meetings, and a small way to connect Fathom', async () => {
    await page.goto(harness.url);
    await signInThroughConsent(page, 'Allow');
    await expect(page.getByRole('heading', { name: 'Upcoming meetings' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Join / }).first()).toBeVisible();
    await expect(notes(page)).toHaveCount(0);
    await expect(page.getByTestId('fathom-prompt')).toContainText(
      'Connect Fathom to see your recent notes',
    );
    await page.getByTestId('fathom-prompt').scrollIntoViewIfNeeded();
    await checkScreenLightAndDark(page, 'fathom-prompt');
  });

  test('2. connect Fathom with OAuth through the sandbox’s consent page', async () => {
    await page.getByRole('button', { name: 'Connect Fathom', exact: true }).click();
    await expect(fathomSection(page)).toBeVisible();
    const section = fathomSection(page);
    await expect(section.getByRole('radio', { name: /Sign in with Fathom/ })).toBeChecked();
    await expect(section.getByLabel('Redirect URL to register in Fathom')).toHaveValue(
      /^http:\/\/127\.0\.0\.1:\d+\/fathom\/callback$/,
    );
    await expectNoSidewaysScroll(page);
    // The redirect URI to register is shown whole at 360 px, not cut off in its field.
    const redirect = section.getByLabel('Redirect URL to register in Fathom');
    expect(await redirect.evaluate((input) => input.scrollWidth <= input.clientWidth)).toBe(true);
    await scrollToTop(section);
    await checkScreenLightAndDark(page, 'settings-fathom');

    const popupPromise = page.context().waitForEvent('page');
    await section.getByRole('button', { name: 'Connect Fathom', exact: true }).click();
    const popup = await popupPromise;
    await popup.waitForLoadState();
    await expect(popup.getByRole('heading', { name: /Fathom/ })).toBeVisible();
    // While the browser asks, the section shows progress and a way to cancel.
    await expect(section.getByTestId('fathom-settings-connecting')).toBeVisible();
    await expect(section.getByRole('button', { name: 'Cancel', exact: true })).toBeVisible();
    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(section.getByTestId('fathom-status')).toHaveText(
      'Connected: signed in with Fathom.',
    );
    await popup.close();
    await closeSettings(page);
  });

  test('3. upcoming meetings and recent notes with action items, mine first', async () => {
    await expect(page.getByRole('button', { name: /^Join / }).first()).toBeVisible();
    const section = notes(page);
    await expect(section.getByTestId('note').first()).toBeVisible();
    expect((await noteTitles(section)).length).toBeGreaterThan(1);
    // Some demo action items are the demo person's: each note lists those first, marked "You".
    await expect(section.getByText('You', { exact: true }).first()).toBeVisible();
    for (const card of await section.getByTestId('note').all()) {
      const mine = await card
        .getByTestId('action-item')
        .evaluateAll((items) => items.map((item) => item.classList.contains('action-item--mine')));
      // Once an item is someone else's, no later one is the person's own.
      expect(mine.indexOf(false) === -1 || !mine.slice(mine.indexOf(false)).includes(true)).toBe(
        true,
      );
    }
    await expectNoSidewaysScroll(page);
    await checkNotesLightAndDark(page, 'notes');
  });

  test('4. a summary opened on demand; one Fathom is still writing', async () => {
    const section = notes(page);
    const toggles = section.getByRole('button', { name: /^Show summary of / });
    const count = await toggles.count();
    for (let index = 0; index < count; index += 1) await toggles.first().click();
    await expect(section.getByRole('button', { name: /^Hide summary of / })).toHaveCount(count);
    // Every summary settles: ready (its own headings) or still being written.
    await expect(section.locator('[data-testid="note-summary"][aria-busy="true"]')).toHaveCount(0);
    await expect(section.locator('.summary h5').first()).toBeVisible();
    await expect(section.getByTestId('summary-processing').first()).toContainText(
      'Fathom is still writing this summary.',
    );
    // Nothing in a summary is markup of its own.
    expect(await section.locator('.summary script, .summary img, .summary iframe').count()).toBe(0);
    await scrollToTop(section.locator('[data-testid="note-summary"]').first());
    await expectNoSidewaysScroll(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await checkScreen(page, 'notes-summary');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkScreen(page, 'notes-summary-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('5. Open in Fathom hands the share link to the system, nothing else', async () => {
    const first = notes(page).getByTestId('note').first();
    await first
      .getByRole('button', { name: / in Fathom$/ })
      .first()
      .click();
    await expect
      .poll(async () => (await harnessTest(harness, 'opened-links')) as string[])
      .toContainEqual(expect.stringMatching(/^https:\/\/([a-z0-9-]+\.)*fathom\.video\//));
  });

  test('6. disconnect Fathom: where to remove it in Fathom; Zoom stays signed in', async () => {
    await openSettings(page);
    const section = fathomSection(page);
    await section.getByRole('button', { name: 'Disconnect Fathom' }).click();
    await expect(section.getByTestId('fathom-settings-note')).toContainText("in Fathom's settings");
    await expect(section.getByTestId('fathom-status')).toHaveText('Not connected.');
    await closeSettings(page);
    await expect(notes(page)).toHaveCount(0);
    await expect(page.getByTestId('fathom-prompt')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Join / }).first()).toBeVisible();
  });

  test('7. connect with the sandbox’s API key (a wrong key first: said under the field)', async () => {
    await openSettings(page);
    const section = fathomSection(page);
    await section.getByRole('radio', { name: /Personal API key/ }).check();
    await section.getByLabel('API key', { exact: true }).fill('wrong.key');
    await section.getByRole('button', { name: 'Validate & save' }).click();
    await expect(section.getByTestId('api-key-problem')).toContainText(
      'Fathom refused the API key',
    );
    await expect(section.getByLabel('API key', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await scrollToTop(section);
    await checkScreenLightAndDark(page, 'settings-fathom-key-refused');

    await section.getByLabel('API key', { exact: true }).fill(FATHOM_DEMO_CLIENTS.apiKey);
    await section.getByRole('button', { name: 'Validate & save' }).click();
    await expect(section.getByTestId('fathom-status')).toHaveText(
      'Connected with your personal API key.',
    );
    // Never shown back.
    await expect(section.getByLabel('API key', { exact: true })).toHaveValue('');
    await closeSettings(page);
    await expect(notes(page).getByTestId('note').first()).toBeVisible();
  });

  test('8. sign out of Zoom: the Fathom notes stay', async () => {
    await page.getByRole('button', { name: 'Sign out…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    await expect(notes(page).getByTestId('note').first()).toBeVisible();
    await checkNotesLightAndDark(page, 'notes-zoom-signed-out');
  });
});

test.describe
  .serial('sandboxes in the test: Fathom goes away, its notes stay, Zoom is untouched', () => {
  let zoom: ZoomSandbox;
  let fathom: FathomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    zoom = await startZoomSandbox();
    fathom = await startFathomSandbox();
    setup = newHarnessSetup(zoom);
    harness = await startHarness(setup, { ...TEST_MODE, FATHOM_API_BASE: fathom.apiBaseUrl });
    const context = await browser.newContext({ viewport: { width: 360, height: 760 } });
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await page?.context().close();
    await harness?.stop();
    writeFileSync(test.info().outputPath('harness.log'), harness?.output.join('') ?? '');
    await zoom?.close();
    await fathom?.close();
    rmSync(setup.dataDir, { recursive: true, force: true });
  });

  test('1. both connected: meetings and notes', async () => {
    await page.goto(harness.url);
    await signInThroughConsent(page, 'Allow');
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await openSettings(page);
    const section = fathomSection(page);
    await expect(section.getByRole('radio', { name: /Personal API key/ })).toBeChecked();
    await section.getByLabel('API key', { exact: true }).fill(fathom.clients.apiKey);
    await section.getByRole('button', { name: 'Validate & save' }).click();
    await expect(section.getByTestId('fathom-status')).toHaveText(
      'Connected with your personal API key.',
    );
    await closeSettings(page);
    await expect(notes(page).getByTestId('note').first()).toBeVisible();
    await expect(notes(page).getByTestId('notes-stale-banner')).toHaveCount(0);
  });

  test('2. Fathom unreachable: the cached notes stay, marked offline; Zoom is fresh', async () => {
    const before = await noteTitles(notes(page));
    await fathom.close();
    await notes(page).getByRole('button', { name: 'Update notes' }).click();
    await expect(notes(page).getByTestId('notes-stale-banner')).toHaveText(
      /^Offline — notes updated \d{1,2}:\d{2}/,
    );
    expect(await noteTitles(notes(page))).toEqual(before);
    // Zoom did not notice.
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();
    await expect(page.getByTestId('stale-banner')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Join / }).first()).toBeVisible();
    await checkNotesLightAndDark(page, 'notes-offline');
  });

  test('3. restart while Fathom is away: the saved notes at once, still marked', async () => {
    await harness.stop();
    harness = await startHarness(setup, { ...TEST_MODE, FATHOM_API_BASE: fathom.apiBaseUrl });
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await expect(notes(page).getByTestId('note').first()).toBeVisible();
    await notes(page).getByRole('button', { name: 'Update notes' }).click();
    await expect(notes(page).getByTestId('notes-stale-banner')).toBeVisible();
  });

  test('4. Zoom unreachable: Zoom’s offline banner, Fathom’s notes untouched', async () => {
    fathom = await startFathomSandbox({ port: fathom.port });
    await notes(page).getByRole('button', { name: 'Update notes' }).click();
    await expect(notes(page).getByTestId('notes-stale-banner')).toHaveCount(0);
    await zoom.pause();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByTestId('stale-banner')).toHaveText(/^Offline/);
    await expect(notes(page).getByTestId('notes-stale-banner')).toHaveCount(0);
    await expect(notes(page).getByTestId('note').first()).toBeVisible();
    await zoom.resume();
  });

  test('5. Fathom says “wait” (429) to a summary: the window says until when, and retries', async () => {
    fathom.setFaults({ rateLimitRate: 1, retryAfterSeconds: 120 });
    const card = notes(page).getByTestId('note').first();
    await card.getByRole('button', { name: /^Show summary of / }).click();
    await expect(card.getByTestId('summary-failed')).toContainText('Fathom is busy');
    await expect(card.getByTestId('summary-failed')).toContainText(
      /Fathom asked us to wait until \d{1,2}:\d{2}/,
    );
    await checkNotesLightAndDark(page, 'notes-summary-wait');
    fathom.setFaults({});
    await card.getByRole('button', { name: 'Try again' }).click();
    // Main keeps its word to Fathom: either it waits (still saying so) or, past the time, reads it.
    await expect(card.getByTestId('note-summary')).toHaveAttribute('aria-busy', 'false');
  });
});
