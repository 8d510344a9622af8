// Renderer figures, measured in Chromium as ratios within one run (this machine is too noisy for
// absolute times):
// - built JS size (gzip) against a bare React 19 + react-dom page built the same way;
// - getSession() → first frame painted (requestAnimationFrame after the commit, then the task
//   after that frame) with 1,000 and 10,000 meetings, each against the same app given 12, as
//   wall time and as the page's main-thread CPU time over the same span (this machine is shared
//   by several jobs: wall time includes waiting for a core, CPU time does not);
// - an identical push of 1,000 meetings (a structured clone, as IPC delivers it) against a cold
//   render of the same 1,000 (getSession() → rows committed).
// Sizes are interleaved run by run so drift in the machine's speed hits them alike.
import { gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { manyMeetings, signedIn } from '../../test/fakes/session-fixtures.ts';

const root = resolve(import.meta.dirname, '../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const PUSHES = 20;
const LIMITS = { thousand: 1.2, tenThousand: 1.4, identicalPush: 0.1 };

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

/**
 * A page-side stand-in for the preload bridge. getSession answers `state`; the page records when
 * it was asked, when the first meeting row was committed to the DOM, and when the frame showing
 * it was painted. `__push(state)` delivers a session change the way the bridge would and resolves
 * with how long the page took to settle it (React's render, if any, included).
 */
function fakeBridgeScript(state: unknown): string {
  return `(() => {
    const state = ${JSON.stringify(state)};
    const ok = async () => ({ ok: true, value: undefined });
    const listeners = new Set();
    const marks = { asked: 0, committed: 0, painted: 0 };
    window.__marks = marks;
    window.__state = state;
    // The task after everything already queued: React posts its render task from a microtask
    // when state is set, so a message posted a few microtasks later runs after that render.
    const settled = () => new Promise((done) =>
      queueMicrotask(() => queueMicrotask(() => queueMicrotask(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(0);
      }))));
    new MutationObserver((_, observer) => {
      if (marks.committed || !document.querySelector('li.meeting')) return;
      marks.committed = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { performance.mark('painted'); marks.painted = performance.now(); };
        channel.port2.postMessage(0);
      });
    }).observe(document, { subtree: true, childList: true });
    window.__push = async (next) => {
      const start = performance.now();
      for (const listener of listeners) listener(next);
      return (await settled()) - start;
    };
    const known = {
      getSession: async () => { performance.mark('asked'); marks.asked = performance.now(); return state; },
      onSessionChanged: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
      getDisplay: async () => ({ now: Date.now(), timeZone: null, locale: null, systemHourCycle: null, clock: 'system', joinIn: 'app' }),
      signOut: async () => ({ ok: true, value: { serverRevoked: true } }),
    };
    // Methods added to the contract later answer ok, and subscriptions do nothing.
    window.meetingTray = new Proxy(Object.freeze(known), {
      get: (target, key) => key in target ? target[key]
        : String(key).startsWith('on') ? () => () => {} : ok,
    });
  })();`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

interface ColdRun {
  /** getSession → first frame painted, wall clock. */
  painted: number;
  /** The page's main-thread CPU time over the same span (from Chromium's trace). */
  paintedCpu: number;
  /** getSession → first meeting row committed to the DOM. */
  committed: number;
  pushes: number[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/**
 * Main-thread CPU time between the page's `asked` and `painted` marks: the thread time of every
 * task that ran in between. This machine is shared, so wall time includes waiting for a core;
 * thread time does not.
 */
function cpuBetweenMarks(events: TraceEvent[]): number {
  const asked = events.find((e) => e.name === 'asked');
  const painted = events.find((e) => e.name === 'painted');
  if (!asked || !painted) throw new Error('the trace lacks the page marks');
  const tasks = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name === 'RunTask' &&
      e.pid === asked.pid &&
      e.tid === asked.tid &&
      e.ts + (e.dur ?? 0) > asked.ts &&
      e.ts < painted.ts,
  );
  return tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
}

async function coldRun(
  browser: Browser,
  url: string,
  script: string,
  pushes: number,
): Promise<ColdRun> {
  const context = await browser.newContext({ viewport: { width: 400, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(script);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const traced = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
      ],
    },
  });
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __marks: { painted: number } }).__marks.painted > 0,
    undefined,
    { timeout: 60_000 },
  );
  await cdp.send('Tracing.end');
  await traced;
  const marks = await page.evaluate(
    () =>
      (window as unknown as { __marks: { asked: number; committed: number; painted: number } })
        .__marks,
  );
  const pushTimes: number[] = [];
  for (let i = 0; i < pushes; i += 1) {
    // A copy equal in every field, made before the clock starts (IPC's copy is not ours to time).
    pushTimes.push(
      await page.evaluate(async () => {
        const w = window as unknown as { __state: unknown; __push(s: unknown): Promise<number> };
        const copy = structuredClone(w.__state);
        await new Promise(requestAnimationFrame);
        return w.__push(copy);
      }),
    );
  }
  await context.close();
  return {
    painted: marks.painted - marks.asked,
    paintedCpu: cpuBetweenMarks(events),
    committed: marks.committed - marks.asked,
    pushes: pushTimes,
  };
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
const now = Date.now();
const sizes = [12, 1000, 10_000] as const;
const scripts = new Map(
  sizes.map((size) => [size, fakeBridgeScript({ ...signedIn, meetings: manyMeetings(size, now) })]),
);
const runs = new Map<number, ColdRun[]>(sizes.map((size) => [size, []]));
for (let round = 0; round < ROUNDS; round += 1) {
  for (const size of sizes) {
    const pushes = size === 1000 ? PUSHES : 0;
    runs.get(size)!.push(await coldRun(browser, server.url, scripts.get(size)!, pushes));
  }
}
await browser.close();
server.close();

const figure = (size: number, pick: (run: ColdRun) => number) => {
  const values = runs.get(size)!.map(pick);
  return { median: median(values), min: Math.min(...values) };
};
const wall = (size: number) => figure(size, (run) => run.painted);
const cpu = (size: number) => figure(size, (run) => run.paintedCpu);
const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log(
  `getSession → first frame painted, ${ROUNDS} interleaved cold starts each (median; min):`,
);
for (const size of sizes)
  console.log(
    `  ${size.toLocaleString('en-US')} meetings: wall ${ms(wall(size).median)}; ${ms(wall(size).min)} — main-thread CPU ${ms(cpu(size).median)}; ${ms(cpu(size).min)}`,
  );
for (const [size, limit] of [
  [1000, LIMITS.thousand],
  [10_000, LIMITS.tenThousand],
] as const) {
  const ratios = {
    wall: wall(size).median / wall(12).median,
    cpu: cpu(size).median / cpu(12).median,
    cpuMin: cpu(size).min / cpu(12).min,
  };
  const verdict = (ratio: number) => `${ratio.toFixed(2)}× ${ratio <= limit ? 'ok' : 'OVER'}`;
  console.log(
    `  ${size.toLocaleString('en-US')} vs 12 meetings (limit ${limit}×): wall ${verdict(ratios.wall)}; CPU ${verdict(ratios.cpu)}; CPU min ${verdict(ratios.cpuMin)}`,
  );
}
const cold = median(runs.get(1000)!.map((run) => run.committed));
const push = median(runs.get(1000)!.flatMap((run) => run.pushes));
const pushRatio = push / cold;
console.log(
  `identical push of 1,000 meetings: ${push.toFixed(2)} ms to settle (median of ${ROUNDS * PUSHES}) vs ${cold.toFixed(1)} ms cold render (getSession → rows committed): ${pushRatio.toFixed(3)}× (limit ${LIMITS.identicalPush}×) ${pushRatio <= LIMITS.identicalPush ? 'ok' : 'OVER'}`,
);
