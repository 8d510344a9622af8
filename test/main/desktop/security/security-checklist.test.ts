// Electron's security checklist (electronjs.org/docs/latest/tutorial/security, 20 items), one
// test per item that applies, against the real adapters with the fake electron. Deeper cases
// live next to each adapter's own tests; this file is the item-by-item map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createBridge } from '../../../../preload/create-bridge.ts';
import { Channel } from '../../../../preload/contract.ts';
import {
  createAppProtocolHandler,
  registerAppSchemeAsPrivileged,
} from '../../../../main/desktop/app-protocol/electron-app-protocol.ts';
import { installIpc } from '../../../../main/desktop/ipc/install-ipc.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createMainWindow } from '../../../../main/desktop/window/electron-main-window.ts';
import { applyPermissionPolicy } from '../../../../main/desktop/security/electron-session-permissions.ts';
import { mainWindowOptions } from '../../../../main/desktop/window/electron-window-options.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../../preload/shared/content-security-policy.ts';
import { allowedExternalUrl } from '../../../../main/desktop/security/external-url-policy.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron, fakeEvent } from '../../../fakes/fake-electron.ts';
import { createFakeSessionService } from '../../../fakes/fake-session-service.ts';
import { hardenedContents } from './hardened-contents.ts';
import { createRecordingLogger } from '../test-logger.ts';
import { createFakeSettingsService } from '../../../fakes/fake-settings-service.ts';
import { createFakeDisplaySource } from '../../../fakes/fake-display.ts';

const root = join(import.meta.dirname, '../../../..');
const prefs = mainWindowOptions({ preloadPath: '/p.cjs' }).webPreferences!;
const csp = new Map(
  CONTENT_SECURITY_POLICY_HEADER.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/u);
    return [name!, values] as const;
  }),
);

describe('Electron security checklist', () => {
  it('1. loads only local content over app:// and allows no http(s) scripts or connections', () => {
    const electron = createFakeElectron();
    const window = createMainWindow({
      BrowserWindow: electron.BrowserWindow,
      preloadPath: '/p.cjs',
      clock: createFakeClock(),
      logger: createRecordingLogger(),
    });
    window.show();
    expect(electron.windows[0]!.loadedUrls).toEqual(['app://renderer/index.html']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    for (const directive of ['script-src', 'connect-src', 'style-src', 'font-src']) {
      expect(csp.get(directive), directive).toEqual(["'self'"]);
    }
  });

  it('2. no Node.js integration anywhere in the renderer', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('3. context isolation is on', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4. the renderer is sandboxed', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('5. permission requests are denied except notifications for the app', async () => {
    const session = createFakeElectron().session.defaultSession;
    applyPermissionPolicy(session);
    expect(await session.request('media', 'app://renderer/index.html')).toBe(false);
    expect(await session.request('geolocation', 'app://renderer/index.html')).toBe(false);
    expect(await session.request('notifications', 'app://renderer/index.html')).toBe(true);
    expect(session.check('notifications', 'https://evil.example')).toBe(false);
  });

  it('6. webSecurity stays on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('7. a strict CSP header comes with every app:// response', async () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY_HEADER).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe/u,
    );
    const handler = createAppProtocolHandler({
      rootDir: join(root, 'renderer'),
      readFile: async () => new Uint8Array([60]),
    });
    for (const url of [
      'app://renderer/index.html',
      'app://renderer/missing.png',
      'app://renderer/../x.js',
    ]) {
      expect((await handler(new Request(url))).headers.get('content-security-policy'), url).toBe(
        CONTENT_SECURITY_POLICY_HEADER,
      );
    }
  });

  it('8. insecure content is not allowed', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9. experimental features stay off', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10. no Blink features are enabled', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('11–12. no <webview>: the tag is off and any attach is blocked', () => {
    expect(prefs.webviewTag).toBe(false);
    const { contents } = hardenedContents();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('13. navigation is blocked, lookalikes included', () => {
    const { contents } = hardenedContents();
    for (const url of [
      'https://zoom.us.evil.com/',
      'https://zoom.us/',
      'app://renderer/other.html',
      'file:///etc/passwd',
    ]) {
      expect(contents.tryNavigate(url), url).toBe(true);
    }
  });

  it('14. new windows are denied', () => {
    const { contents } = hardenedContents();
    expect(contents.tryOpenWindow('https://zoom.us/j/1')).toEqual({ action: 'deny' });
    expect(contents.tryOpenWindow('about:blank')).toEqual({ action: 'deny' });
  });

  it('15. shell.openExternal only ever sees allow-listed Zoom links', async () => {
    const { contents, opened } = hardenedContents();
    for (const url of [
      'https://zoom.us/j/1',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://zoom.us@evil.com/',
      'smb://zoom.us/x',
    ]) {
      contents.tryOpenWindow(url);
    }
    await Promise.resolve();
    expect(opened).toEqual(['https://zoom.us/j/1']);
    expect(opened.every((url) => allowedExternalUrl(url) === url)).toBe(true);
  });

  it('16. a current Electron major is used', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(Number(/\d+/u.exec(pkg.devDependencies.electron ?? '')?.[0])).toBeGreaterThanOrEqual(45);
  });

  it('17. every IPC call is checked against the sender frame', async () => {
    const electron = createFakeElectron();
    const window = new electron.BrowserWindow();
    await window.loadURL('app://renderer/index.html');
    const session = createFakeSessionService();
    installIpc({
      ipcMain: electron.ipcMain,
      session: session.service,
      settings: createFakeSettingsService().service,
      display: createFakeDisplaySource(),
      showWindow: () => undefined,
      window: { current: () => window },
      openExternal: async () => undefined,
      writeClipboard: () => undefined,
      logger: createRecordingLogger(),
      teardown: createTeardown(createRecordingLogger()),
    });
    expect(await electron.ipcMain.invoke(Channel.signIn, { sender: window.webContents })).toEqual({
      ok: true,
      value: undefined,
    });
    expect(
      await electron.ipcMain.invoke(Channel.signIn, {
        sender: electron.newWebContents('https://evil.example/'),
      }),
    ).toMatchObject({ code: 'untrusted_sender' });
    expect(
      await electron.ipcMain.invoke(Channel.signIn, {
        sender: window.webContents,
        subframeUrl: 'app://renderer/index.html',
      }),
    ).toMatchObject({
      code: 'untrusted_sender',
    });
    expect(session.calls).toEqual(['signIn']);
  });

  it('18. the UI comes from a privileged custom protocol, not file://', () => {
    const { protocol } = createFakeElectron();
    registerAppSchemeAsPrivileged(protocol);
    expect(protocol.privileged[0]).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
    const main = readFileSync(join(root, 'main/index.ts'), 'utf8');
    expect(main).not.toMatch(/loadFile\(|file:\/\//u);
  });

  it('19. the packaged binary has its fuses flipped', () => {
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('20. the preload exposes named functions only, and pushes carry data, never the IPC event', () => {
    let forward: ((payload: unknown) => void) | null = null;
    const api = createBridge({
      invoke: async () => null,
      subscribe: (_channel, listener) => {
        forward = listener;
        return () => undefined;
      },
    });
    expect(Object.values(api).every((member) => typeof member === 'function')).toBe(true);
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    const received: unknown[][] = [];
    api.onSessionChanged((...args: unknown[]) => received.push(args));
    forward!({ kind: 'signed-out' });
    expect(received).toEqual([[{ kind: 'signed-out' }]]);
  });
});
