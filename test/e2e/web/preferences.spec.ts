// The everyday preferences in Settings, in real Chromium over the harness: each change goes
// through the IPC door to main, which applies it at once (the window's times, the link Join
// opens, the global shortcut on the harness's stand-in registry, the autostart entry), and a
// restart of the harness on the same data folder keeps every choice.
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

/** Keys "another app" holds in this run: choosing them must fail with shortcut_taken. */
const TAKEN = 'CommandOrControl+Shift+J';
const HARNESS_ENV = {
  MEETING_TRAY_E2E: '1',
  MEETING_TRAY_HARNESS_ZOOM_APP: 'installed',
  MEETING_TRAY_HARNESS_TAKEN_SHORTCUT: TAKEN,
};
const TWELVE_HOUR = /\d{1,2}:\d{2}\s?[ap]m/iu;
const TWENTY_FOUR_HOUR = /\d{2}:\d{2}–\d{2}:\d{2}(?!\s?[ap]m)/iu;

interface DesktopState {
  shortcuts: string[];
  launchAtLogin: boolean;
}

test.describe.serial('preferences in Settings: applied live, kept across a restart', () => {
  let sandbox: ZoomSandbox;
  let setup: HarnessSetup;
  let harness: HarnessRun;
  let page: Page;

  const openSettings = async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeFocused();
    await expect(page.getByTestId('pref-clock')).toBeVisible();
  };
  const closeSettings = () => page.getByRole('button', { name: 'Done' }).click();
  const firstRowTime = async () => {
    await expect(page.locator('li.meeting .meeting__when').first()).toBeVisible();
    return (await page.locator('li.meeting .meeting__when').first().textContent()) ?? '';
  };
  const openedLinks = async () => (await harnessTest(harness, 'opened-links')) as string[];
  const desktop = async () => (await harnessTest(harness, 'desktop-state')) as DesktopState;
  const joinFirstRow = async () => {
    const before = (await openedLinks()).length;
    await page
      .locator('li.meeting')
      .first()
      .getByRole('button', { name: /^Join / })
      .click();
    await expect.poll(async () => (await openedLinks()).length).toBe(before + 1);
    return (await openedLinks()).at(-1) ?? '';
  };

  test.beforeAll(async ({ browser }) => {
    sandbox = await startZoomSandbox();
    setup = newHarnessSetup(sandbox);
    harness = await startHarness(setup, HARNESS_ENV);
    const context = await browser.newContext({
      viewport: { width: 420, height: 1400 },
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    page = await context.newPage();
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

  test('defaults: system clock, Zoom app, 5 minutes, no shortcut, not at login (axe: 0, light and dark)', async () => {
    expect(await firstRowTime()).toMatch(TWENTY_FOUR_HOUR);
    await openSettings();
    await expect(
      page.getByTestId('pref-clock').getByLabel('As my system', { exact: true }),
    ).toBeChecked();
    await expect(
      page.getByTestId('pref-join').getByLabel('Zoom app', { exact: true }),
    ).toBeChecked();
    await expect(
      page.getByTestId('pref-reminders').getByLabel('5 minutes before', { exact: true }),
    ).toBeChecked();
    await expect(page.getByTestId('pref-shortcut').getByRole('combobox')).toHaveValue('off');
    await expect(page.getByTestId('pref-launch-at-login').getByRole('checkbox')).not.toBeChecked();
    // The harness is not a Mac: the menu-bar title is shown as a preview, with a note.
    await expect(page.getByTestId('menu-bar-title-preview')).toBeVisible();
    await checkScreenLightAndDark(page, 'settings');
    expect(await desktop()).toEqual({ shortcuts: [], launchAtLogin: false });
  });

  test('clock: 12-hour changes the times the window shows at once', async () => {
    await page.getByTestId('pref-clock').getByLabel('12-hour (2:05 PM)', { exact: true }).click();
    await expect(
      page.getByTestId('pref-clock').getByLabel('12-hour (2:05 PM)', { exact: true }),
    ).toBeChecked();
    await closeSettings();
    await expect.poll(firstRowTime).toMatch(TWELVE_HOUR);
  });

  test('join: Zoom app opens the zoommtg:// link; Browser switches Join to the https link', async () => {
    expect(await joinFirstRow()).toMatch(/^zoommtg:\/\/us05web\.zoom\.us\/join\?/u);
    await openSettings();
    await page.getByTestId('pref-join').getByLabel('Browser', { exact: true }).click();
    await expect(
      page.getByTestId('pref-join').getByLabel('Browser', { exact: true }),
    ).toBeChecked();
    await closeSettings();
    expect(await joinFirstRow()).toMatch(/^https:\/\/us05web\.zoom\.us\/j\/\d+/u);
  });

  test('reminders, launch at login and the menu-bar title follow their controls', async () => {
    await openSettings();
    await page.getByTestId('pref-reminders').getByLabel('When it starts', { exact: true }).click();
    await expect(
      page.getByTestId('pref-reminders').getByLabel('When it starts', { exact: true }),
    ).toBeChecked();
    const atLogin = page.getByTestId('pref-launch-at-login').getByRole('checkbox');
    await atLogin.click();
    await expect(atLogin).toBeChecked();
    // The "system" answers: the autostart entry exists now.
    await expect.poll(async () => (await desktop()).launchAtLogin).toBe(true);
    const title = page.getByTestId('pref-menu-bar-title').getByRole('checkbox');
    await expect(title).toBeChecked();
    await title.click();
    await expect(title).not.toBeChecked();
  });

  test('shortcut: keys another app holds fail with a clear error and stay off; free keys join the next meeting', async () => {
    const section = page.getByTestId('pref-shortcut');
    const select = section.getByRole('combobox');
    await select.selectOption({ label: 'Ctrl+Shift+J' });
    await expect(section.getByRole('alert')).toContainText('That shortcut is taken');
    await expect(select).toHaveValue('off');
    expect((await desktop()).shortcuts).toEqual([]);

    await select.selectOption({ label: 'Ctrl+Alt+J' });
    await expect(select).toHaveValue('CommandOrControl+Alt+J');
    await expect(section.getByRole('alert')).toHaveCount(0);
    expect((await desktop()).shortcuts).toEqual(['CommandOrControl+Alt+J']);

    const before = (await openedLinks()).length;
    expect(
      await harnessTest(harness, 'press-shortcut', { accelerator: 'CommandOrControl+Alt+J' }),
    ).toEqual({ pressed: true });
    await expect.poll(async () => (await openedLinks()).length).toBe(before + 1);
    // Join next follows the Browser choice made above.
    expect((await openedLinks()).at(-1)).toMatch(/^https:\/\/us05web\.zoom\.us\/j\/\d+/u);
    await checkScreenLightAndDark(page, 'settings-preferences-changed');
  });

  test('a restart on the same data folder keeps every choice, and applies them again', async () => {
    await harness.stop();
    harness = await startHarness(setup, HARNESS_ENV);
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await expect.poll(firstRowTime).toMatch(TWELVE_HOUR);
    await openSettings();
    await expect(
      page.getByTestId('pref-clock').getByLabel('12-hour (2:05 PM)', { exact: true }),
    ).toBeChecked();
    await expect(
      page.getByTestId('pref-join').getByLabel('Browser', { exact: true }),
    ).toBeChecked();
    await expect(
      page.getByTestId('pref-reminders').getByLabel('When it starts', { exact: true }),
    ).toBeChecked();
    await expect(page.getByTestId('pref-launch-at-login').getByRole('checkbox')).toBeChecked();
    await expect(page.getByTestId('pref-menu-bar-title').getByRole('checkbox')).not.toBeChecked();
    await expect(page.getByTestId('pref-shortcut').getByRole('combobox')).toHaveValue(
      'CommandOrControl+Alt+J',
    );
    expect(await desktop()).toEqual({
      shortcuts: ['CommandOrControl+Alt+J'],
      launchAtLogin: true,
    });
    await closeSettings();
    expect(await joinFirstRow()).toMatch(/^https:\/\/us05web\.zoom\.us\/j\/\d+/u);
  });
});
