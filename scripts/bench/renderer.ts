// Renderer figures: built JS size (gzip) against a bare React 19 + react-dom page built the same
// way, and the time to render the signed-in screen with 1,000 meetings in Chromium (median of 10).
import { gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { manyMeetings, signedIn } from '../../test/fakes/session-fixtures.ts';

const root = resolve(import.meta.dirname, '../..');

function gzipOfJs(dir: string): { raw: number; gzip: number } {
  const assets = join(dir, 'assets');
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
    const bytes = readFileSync(join(assets, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

async function buildBareReactPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bare-react-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><div id="root"></div><script type="module" src="./main.jsx"></script>',
  );
  writeFileSync(
    join(dir, 'main.jsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<p>Hello</p>);\n",
  );
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  await build({
    configFile: false,
    root: dir,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: {
        react: join(root, 'node_modules/react'),
        'react-dom': join(root, 'node_modules/react-dom'),
      },
    },
    build: { outDir: join(dir, 'dist'), target: 'chrome140' },
  });
  return join(dir, 'dist');
}

async function buildRenderer(): Promise<string> {
  await build({ mode: 'renderer', logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
  return join(root, 'dist/renderer');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

function serve(dir: string) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise<{ url: string; close: () => void }>((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => server.close(),
      }),
    ),
  );
}

/** A page-side stand-in for the preload bridge: answers getSession with 1,000 meetings. */
function fakeBridgeScript(state: unknown): string {
  return `(() => {
    const state = ${JSON.stringify(state)};
    const ok = async () => ({ ok: true, value: undefined });
    window.__renderStart = 0;
    window.__renderDone = 0;
    new MutationObserver(() => {
      if (!window.__renderDone && document.querySelectorAll('li.meeting').length >= 1000) window.__renderDone = performance.now();
    }).observe(document, { subtree: true, childList: true });
    window.meetingTray = Object.freeze({
      getSession: async () => { window.__renderStart = performance.now(); return state; },
      onSessionChanged: () => () => {},
      signIn: ok, cancelSignIn: ok, reopenSignInPage: ok, signOut: async () => ({ ok: true, value: { serverRevoked: true } }),
      refreshMeetings: ok, openJoinUrl: ok, copyText: ok,
    });
  })();`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const bareDir = await buildBareReactPage();
const rendererDir = await buildRenderer();
const bare = gzipOfJs(bareDir);
const ours = gzipOfJs(rendererDir);
console.log(
  `renderer JS: ${(ours.raw / 1024).toFixed(1)} KiB raw, ${(ours.gzip / 1024).toFixed(1)} KiB gzip`,
);
console.log(
  `bare React 19 + react-dom page: ${(bare.raw / 1024).toFixed(1)} KiB raw, ${(bare.gzip / 1024).toFixed(1)} KiB gzip`,
);
console.log(
  `difference: +${((ours.gzip - bare.gzip) / 1024).toFixed(1)} KiB gzip for the whole app`,
);
rmSync(resolve(bareDir, '..'), { recursive: true, force: true });

const server = await serve(rendererDir);
const browser = await chromium.launch({
  executablePath:
    process.env.CHROMIUM_PATH ?? (process.platform === 'linux' ? '/usr/bin/chromium' : undefined),
  args: [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const state = { ...signedIn, meetings: manyMeetings(1000, Date.now()) };
const samples: number[] = [];
for (let run = 0; run < 10; run += 1) {
  const context = await browser.newContext({ viewport: { width: 400, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(fakeBridgeScript(state));
  await page.goto(server.url);
  await page.waitForFunction(
    () => (window as unknown as { __renderDone: number }).__renderDone > 0,
    undefined,
    { timeout: 30_000 },
  );
  const { start, done } = await page.evaluate(() => {
    const w = window as unknown as { __renderStart: number; __renderDone: number };
    return { start: w.__renderStart, done: w.__renderDone };
  });
  samples.push(done - start);
  await context.close();
}
await browser.close();
server.close();
console.log(
  `signed-in screen with 1,000 meetings: median ${median(samples).toFixed(1)} ms over 10 runs (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)}); from getSession() to the 1,000th row in the DOM`,
);
