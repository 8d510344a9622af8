import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from '../../../../main/desktop/app-protocol/app-protocol.ts';

const ROOT = resolve('/srv/app/dist/renderer');

describe('app:// resolver', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppAsset(ROOT, 'app://renderer/')).toEqual({
      kind: 'file',
      filePath: join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
  });

  it('serves files inside the build directory with their type', () => {
    expect(resolveAppAsset(ROOT, 'app://renderer/assets/index-abc.js?v=1')).toEqual({
      kind: 'file',
      filePath: join(ROOT, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it.each([
    'app://renderer/../../etc/passwd',
    'app://renderer/%2e%2e/%2e%2e/etc/passwd',
    'app://renderer/..%2f..%2fetc%2fpasswd',
    'app://renderer/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://renderer/..%5c..%5cwindows%5cwin.ini',
    'app://renderer/assets%5c..%5c..%5csecret.js',
    'app://renderer/index.html%00.png',
    'app://renderer/%E0%A4%A',
    'app://other-host/index.html',
    'app://user@renderer/index.html',
    'file:///etc/passwd',
    'https://renderer/index.html',
    'app://renderer/secret.env',
    'app://renderer/assets/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(ROOT, url)).toEqual({ kind: 'not-found' });
  });

  it('keeps an absolute-looking path (//etc/passwd) inside the build directory', () => {
    const result = resolveAppAsset(ROOT, 'app://renderer//etc/passwd.js');
    expect(result).toEqual({
      kind: 'file',
      filePath: join(ROOT, 'etc', 'passwd.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });
});
