// The window's CSP is declared once (preload/shared) and the renderer build writes it into
// index.html: this builds the renderer in memory and reads the policy back out of the page.
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../preload/shared/content-security-policy.ts';

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

describe('the built renderer page', { timeout: 60_000 }, () => {
  it('carries exactly the shared Content-Security-Policy, before any script', async () => {
    const html = await builtIndexHtml();
    const metas = [
      ...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gu),
    ];
    expect(metas.map((m) => m[1])).toEqual([CONTENT_SECURITY_POLICY]);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html).not.toContain('%CONTENT_SECURITY_POLICY%');
  });
});
