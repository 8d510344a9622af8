// The window's CSP is declared once (preload/shared) and every host delivers that one policy:
// the renderer build writes it into index.html's <meta>, and app:// and the browser harness send
// it as a header. This builds the renderer in memory and reads the policy back from all three.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../main/desktop/app-protocol/electron-app-protocol.ts';
import { startHarnessServer } from '../../main/harness/harness-server.ts';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
} from '../../preload/shared/content-security-policy.ts';

const root = join(import.meta.dirname, '../..');

async function builtIndexHtml(): Promise<string> {
  const output = (await build({
    configFile: join(root, 'vite.config.ts'),
    mode: 'renderer',
    logLevel: 'silent',
    build: { write: false },
  })) as Rollup.RollupOutput;
  const page = output.output.find((file) => file.fileName === 'index.html');
  if (!page || page.type !== 'asset') throw new Error('the renderer build made no index.html');
  return String(page.source);
}

/** A renderer folder holding just the built page, for the two servers to serve. */
function rendererDirWith(html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mt-csp-'));
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'web-preload.js'), '');
  return dir;
}

describe('one content security policy for every host', { timeout: 60_000 }, () => {
  it('the built page carries exactly the shared policy, before any script', async () => {
    const html = await builtIndexHtml();
    const metas = [
      ...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gu),
    ];
    expect(metas.map((m) => m[1])).toEqual([CONTENT_SECURITY_POLICY]);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html).not.toContain('%CONTENT_SECURITY_POLICY%');
  });

  it('app:// and the browser harness send the same policy as a header', async () => {
    const dir = rendererDirWith('<!doctype html><title>t</title>');
    const app = createAppProtocolHandler({ rootDir: dir, readFile });
    const appPage = await app(new Request('app://renderer/index.html'));
    expect(appPage.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);

    const harness = await startHarnessServer({
      rendererDir: dir,
      webPreloadFile: join(dir, 'web-preload.js'),
    });
    try {
      const harnessPage = await fetch(harness.url);
      expect(harnessPage.status).toBe(200);
      expect(harnessPage.headers.get('content-security-policy')).toBe(
        CONTENT_SECURITY_POLICY_HEADER,
      );
    } finally {
      await harness.close();
    }
  });
});
