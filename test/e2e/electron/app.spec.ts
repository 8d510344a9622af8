// End-to-end against the real Electron app in demo mode: the in-process Zoom sandbox plays Zoom.
// It launches the project folder as `npm start` does (`electron .`, package.json's "main"), so the
// app finds its preload, renderer and icons the way a developer's run does. Runs only where an
// Electron binary is installed (CI on Linux, macOS and Windows); elsewhere it says so.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { consent } from '../../helpers/sandbox-browser.ts';

const root = resolve(import.meta.dirname, '../../..');
const electronPackage = join(root, 'node_modules/electron');
// node_modules/electron/index.js downloads the binary when it is missing, so do not require it
// to find out: path.txt is written (and dist/ filled) only by a successful install.
const hasElectronBinary =
  existsSync(join(electronPackage, 'path.txt')) && existsSync(join(electronPackage, 'dist'));
const SKIP_MESSAGE = 'skipped: no Electron binary';
if (!hasElectronBinary)
  console.log(`electron e2e ${SKIP_MESSAGE} (node_modules/electron/dist is missing)`);

interface TrayModelView {
  tooltip: string;
  items: Array<{ kind: string; label?: string }>;
}

test.describe.serial('the desktop app: sign in, tray, revoke', () => {
  test.skip(!hasElectronBinary, SKIP_MESSAGE);

  let app: ElectronApplication;
  let page: Page;
  const userData = mkdtempSync(join(tmpdir(), 'meeting-tray-e2e-'));

  // Playwright cannot see native trays. Under MEETING_TRAY_E2E=1 the app exposes the model its
  // tray last rendered (main/desktop/tray/install-tray.ts): what the person sees, not a rebuild.
  const trayModel = () =>
    app.evaluate(() =>
      (
        globalThis as unknown as { __meetingTrayE2E: { trayModel(): TrayModelView | null } }
      ).__meetingTrayE2E.trayModel(),
    );
  const trayLabels = async () =>
    ((await trayModel())?.items ?? []).flatMap((i) => (i.label ? [i.label] : []));

  test.beforeAll(async () => {
    const env = { ...process.env } as Record<string, string>;
    delete env.ZOOM_CLIENT_ID; // demo mode: the built-in sandbox
    delete env.ZOOM_CLIENT_SECRET;
    app = await electron.launch({
      cwd: root,
      args: [
        '.',
        `--user-data-dir=${userData}`,
        ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
      ],
      env: {
        ...env,
        MEETING_TRAY_E2E: '1',
        MEETING_TRAY_KEYCHAIN_SERVICE: `Meeting Tray E2E ${process.pid}`,
      },
    });
    // The system browser is out of reach for the test: capture what the app asks to open instead.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      Object.assign(globalThis, { __opened: opened });
      shell.openExternal = async (url: string) => void opened.push(url);
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('the window is the sandboxed app page served from app://', async () => {
    await expect(page.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    expect(await page.evaluate(() => location.protocol)).toBe('app:');
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined',
    );
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    expect(await page.evaluate(() => location.protocol)).toBe('app:');
    expect(await trayLabels()).toContain('Sign in…');
  });

  test('sign in through the sandbox consent page; the tray shows the meetings', async () => {
    await page.getByRole('button', { name: 'Sign in with Zoom' }).click();
    let authorizationUrl = '';
    await expect
      .poll(
        async () =>
          (authorizationUrl =
            (await app.evaluate(
              () => (globalThis as unknown as { __opened: string[] }).__opened[0],
            )) ?? ''),
      )
      .not.toBe('');
    const callback = await consent(authorizationUrl, 'allow');
    const answer = await fetch(callback);
    expect(answer.status).toBe(200);

    await expect(page.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
    await expect.poll(trayLabels).toContain('Sign out');
    const labels = await trayLabels();
    expect(labels).toEqual(expect.arrayContaining(['Open Meeting Tray', 'Refresh', 'Quit']));
    expect(labels.some((label) => /^\d\d:\d\d {2}/u.test(label))).toBe(true);
  });

  test('sign out revokes and returns to signed out', async () => {
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in with Zoom' })).toBeVisible();
    await expect(page.getByText('Signed out and access revoked.')).toBeVisible();
    await expect.poll(trayLabels).toContain('Sign in…');
  });
});
