// Join in the Zoom app, in real Chromium over the harness: the app's own join decision runs in
// main; the harness (test mode) plays the system's side — whether a Zoom app is installed, and
// records the link it was handed instead of opening it, so nothing reaches zoom.us.
import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import {
  harnessTest,
  newHarnessSetup,
  signInThroughConsent,
  startHarness,
  writeSettings,
  type HarnessRun,
  type HarnessSetup,
} from './harness-kit.ts';

const WEB_JOIN = /^https:\/\/us05web\.zoom\.us\/j\/(\d{11})\?pwd=([\w.-]+)$/u;

test.describe.serial('Join opens the meeting in the Zoom app, with the browser as fallback', () => {
  let sandbox: ZoomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;
  let webLink = '';

  const restart = async (zoomApp: 'installed' | 'missing' | 'fails') => {
    await harness?.stop();
    harness = await startHarness(setup, {
      MEETING_TRAY_E2E: '1',
      MEETING_TRAY_HARNESS_ZOOM_APP: zoomApp,
    });
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
  };
  /** Joins the first meeting of the list and answers what the "system" was handed. */
  const joinFirstRow = async () => {
    await page
      .locator('li.meeting')
      .first()
      .getByRole('button', { name: /^Join / })
      .click();
    await expect.poll(() => harnessTest(harness, 'opened-links')).toHaveLength(1);
    const [opened] = (await harnessTest(harness, 'opened-links')) as string[];
    return opened ?? '';
  };

  test.beforeAll(async ({ browser }) => {
    sandbox = await startZoomSandbox();
    setup = newHarnessSetup(sandbox);
    harness = await startHarness(setup, { MEETING_TRAY_E2E: '1' });
    page = await (await browser.newContext({ viewport: { width: 400, height: 720 } })).newPage();
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

  test('no Zoom app installed: the https join link, as Zoom sent it', async () => {
    await restart('missing');
    webLink = await joinFirstRow();
    expect(webLink).toMatch(WEB_JOIN);
  });

  test('Zoom app installed: the zoommtg:// link, same host, meeting and passcode', async () => {
    await restart('installed');
    const [, id, pwd] = WEB_JOIN.exec(webLink) ?? [];
    expect(await joinFirstRow()).toBe(
      `zoommtg://us05web.zoom.us/join?action=join&confno=${id}&pwd=${pwd}`,
    );
    // No error on the way: the app link was opened.
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('the Zoom app fails to open: the https link instead, and no error', async () => {
    await restart('fails');
    expect(await joinFirstRow()).toBe(webLink);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('joinIn: browser is honoured even with the app installed', async () => {
    await harness.stop();
    writeSettings(setup, { 'join.openIn': 'browser' });
    await restart('installed');
    expect(await joinFirstRow()).toBe(webLink);
  });

  test('the now/next card joins the same way', async () => {
    await harness.stop();
    writeSettings(setup, { 'join.openIn': 'app' });
    await restart('installed');
    const card = page.getByTestId('now-next');
    await card
      .getByRole('button', { name: /^Join / })
      .first()
      .click();
    await expect.poll(() => harnessTest(harness, 'opened-links')).toHaveLength(1);
    const [opened] = (await harnessTest(harness, 'opened-links')) as string[];
    expect(opened).toMatch(/^zoommtg:\/\/us05web\.zoom\.us\/join\?action=join&confno=\d{11}&pwd=/u);
  });
});
