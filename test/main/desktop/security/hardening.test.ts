import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createAppProtocolHandler,
  handleAppProtocol,
  registerAppSchemeAsPrivileged,
} from '../../../../main/desktop/app-protocol/electron-app-protocol.ts';
import { applyPermissionPolicy } from '../../../../main/desktop/security/electron-session-permissions.ts';
import { fakeEvent, createFakeElectron } from '../../../fakes/fake-electron.ts';
import { hardenedContents } from './hardened-contents.ts';

describe('navigation lock (checklist 13)', () => {
  it.each([
    'https://example.com',
    'https://zoom.us/j/1',
    'file:///etc/passwd',
    'app://renderer/index.html',
  ])('blocks navigation to %s', (url) => {
    expect(hardenedContents().contents.tryNavigate(url)).toBe(true);
  });

  it('blocks <webview> attachment (checklist 12)', () => {
    const { contents } = hardenedContents();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('blocks redirects away from the app', () => {
    const { contents } = hardenedContents();
    const event = fakeEvent();
    contents.emit('will-redirect', event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('window.open handler (checklist 14, 15)', () => {
  it('denies every new window and sends allow-listed links to the browser', async () => {
    const { contents, opened } = hardenedContents();
    expect(contents.tryOpenWindow('https://us05web.zoom.us/j/1')).toEqual({ action: 'deny' });
    expect(contents.tryOpenWindow('https://zoom.us.evil.com/')).toEqual({ action: 'deny' });
    expect(contents.tryOpenWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://us05web.zoom.us/j/1']);
  });
});

describe('permissions (checklist 5)', () => {
  function policy() {
    const session = createFakeElectron().session.defaultSession;
    applyPermissionPolicy(session);
    return session;
  }

  it('grants notifications to the app page only', async () => {
    const session = policy();
    expect(await session.request('notifications', 'app://renderer/index.html')).toBe(true);
    expect(await session.request('notifications', 'https://evil.example/')).toBe(false);
    expect(session.check('notifications', 'app://renderer')).toBe(true);
    expect(session.check('notifications', 'https://zoom.us')).toBe(false);
  });

  it.each([
    'media',
    'geolocation',
    'clipboard-read',
    'openExternal',
    'display-capture',
    'hid',
    'unknown',
  ])('denies %s', async (permission) => {
    const session = policy();
    expect(await session.request(permission, 'app://renderer/index.html')).toBe(false);
    expect(session.check(permission, 'app://renderer')).toBe(false);
  });
});

describe('app:// protocol (checklist 7, 18)', () => {
  async function buildDir() {
    const root = await mkdtemp(join(tmpdir(), 'mt-renderer-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Meeting Tray</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, '..', `${root.split('/').pop()}-secret.js`), 'secret');
    return root;
  }

  it('registers app as a standard, secure scheme before ready', () => {
    const { protocol } = createFakeElectron();
    registerAppSchemeAsPrivileged(protocol);
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the build with a CSP header on every response', async () => {
    const root = await buildDir();
    const { protocol } = createFakeElectron();
    handleAppProtocol(protocol, createAppProtocolHandler({ rootDir: root, readFile }));
    const handler = protocol.handlers.get('app')!;
    const page = await handler(new Request('app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(
      /default-src 'none'; script-src 'self'/u,
    );
    expect(await page.text()).toContain('Meeting Tray');
    const script = await handler(new Request('app://renderer/assets/app.js'));
    expect(script.headers.get('content-security-policy')).toBeTruthy();
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for traversal, missing files and other hosts, and 405 for writes', async () => {
    const root = await buildDir();
    const handler = createAppProtocolHandler({ rootDir: root, readFile });
    const secretName = `${root.split('/').pop()}-secret.js`;
    for (const url of [
      `app://renderer/..%2f${secretName}`,
      'app://renderer/%2e%2e/%2e%2e/etc/passwd',
      'app://renderer/missing.js',
      'app://elsewhere/index.html',
    ]) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
    expect(
      (await handler(new Request('app://renderer/index.html', { method: 'POST', body: 'x' })))
        .status,
    ).toBe(405);
  });

  it('the renderer page declares no inline script (CSP stays meaningful)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../../renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/iu);
  });
});
