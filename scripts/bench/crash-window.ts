// The crash window: how often kill -9 during a refresh loop loses the session, with the real
// keychain. Zoom rotates the refresh token when it answers; until the new one is committed to
// the keychain, a killed process leaves a dead one behind and the next start says "session
// expired". A child process refreshes against the Zoom sandbox (in this process) on a fixed
// cadence; it is killed at a uniformly random moment, then a fresh start tries to refresh from
// what the keychain holds. Lost sessions are counted per keychain layout:
//   before         the chunked layout as it was (6ab3ceb, read from git): chunks on every OS
//   after/windows  today's layout where the platform needs chunks (Windows' 2,560-byte limit)
//   after          today's layout elsewhere (macOS, Linux): one write, which is the commit
// Each layout also reports the window itself (Zoom's answer → commit, median over the rotations
// the children made before being killed) and the keychain calls a rotation makes.
// Run: node_modules/.bin/node scripts/bench/crash-window.ts [--trials N] (N per layout, default 40)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createAuthService } from '../../main/core/auth/auth-service.ts';
import { tokenVaultKey } from '../../main/core/auth/token-vault.ts';
import { sandboxProviderConfig } from '../../main/core/config/sandbox-provider.ts';
import type { SecretStore } from '../../main/core/ports.ts';
import { createChunkedSecretStore } from '../../main/core/secrets/chunked-secret-store.ts';
import { createKeyringSecretStore } from '../../main/node/keyring-secret-store.ts';
import { createSystemClock } from '../../main/node/system-clock.ts';
import { allowOnSandboxConsent, benchAuthService, median, quietLogger } from './auth-shared.ts';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The commit before this change, whose chunked store is the "before" layout. */
const BEFORE_COMMIT = '6ab3ceb';
/** A refresh starts every PERIOD_MS in the child; a kill lands anywhere in two periods. */
const PERIOD_MS = 250;

type Layout = 'before' | 'after/windows' | 'after';

// --- the keychain each layout writes through --------------------------------------------

async function loadBeforeStore(): Promise<
  ((inner: SecretStore) => SecretStore) | { unavailable: string }
> {
  const shown = spawnSync(
    'git',
    ['show', `${BEFORE_COMMIT}:main/core/secrets/chunked-secret-store.ts`],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (shown.status !== 0) return { unavailable: `git show ${BEFORE_COMMIT} failed` };
  const dir = mkdtempSync(join(tmpdir(), 'crash-window-'));
  const file = join(dir, 'chunked-secret-store-before.ts');
  writeFileSync(file, shown.stdout);
  const module = (await import(pathToFileURL(file).href)) as {
    createChunkedSecretStore: (inner: SecretStore) => SecretStore;
  };
  rmSync(dir, { recursive: true, force: true });
  return (inner) => module.createChunkedSecretStore(inner);
}

type BeforeStore = Awaited<ReturnType<typeof loadBeforeStore>>;

function storeFor(
  layout: Layout,
  raw: SecretStore & { entryLimitChars: number | null },
  before: BeforeStore,
) {
  if (layout !== 'before') return createChunkedSecretStore(raw);
  if (typeof before !== 'function') throw new Error(before.unavailable);
  return before(raw);
}

const platformOf = (layout: Layout): NodeJS.Platform =>
  layout === 'after/windows' ? 'win32' : 'linux';

// --- the child: refreshes on a cadence until killed -----------------------------------------

async function runChild() {
  const layout = process.env.CRASH_LAYOUT as Layout;
  const service = process.env.CRASH_SERVICE!;
  const clock = createSystemClock();
  const provider = sandboxProviderConfig({
    url: process.env.CRASH_SANDBOX_URL!,
    apiBaseUrl: process.env.CRASH_SANDBOX_API!,
    clientId: process.env.CRASH_CLIENT_ID!,
  });
  const vaultKey = tokenVaultKey(provider.server.issuer, provider.client.clientId);
  const before = layout === 'before' ? await loadBeforeStore() : { unavailable: 'not needed' };
  const raw = createKeyringSecretStore({ service, platform: platformOf(layout) });
  let calls = 0;
  let rotatedAt = 0;
  let callsAtRotation = 0;
  const counted = {
    entryLimitChars: raw.entryLimitChars,
    get: (key: string) => (calls++, raw.get(key)),
    delete: (key: string) => (calls++, raw.delete(key)),
    async set(key: string, value: string) {
      calls++;
      await raw.set(key, value);
      if (key === vaultKey && rotatedAt > 0) {
        const window = performance.now() - rotatedAt;
        process.stdout.write(`committed ${window.toFixed(1)} ${calls - callsAtRotation}\n`);
        rotatedAt = 0;
      }
    },
  };
  const auth = createAuthService({
    provider,
    secrets: storeFor(layout, counted, before),
    settings: { get: () => undefined, set() {}, delete() {} },
    clock,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/oauth/token') && response.status === 200) {
        process.stdout.write(`rotated ${calls}\n`);
        rotatedAt = performance.now();
        callsAtRotation = calls;
      }
      return response;
    },
    openBrowser: async () => undefined,
    wake: { onWake: () => () => undefined },
    logger: quietLogger,
    createLoopbackListener: () => Promise.reject(new Error('no sign-in here')),
  });
  await auth.restore();
  process.stdout.write(auth.status().kind === 'signed-in' ? 'ready\n' : 'not-signed-in\n');
  for (;;) {
    const started = performance.now();
    const { accessToken } = await auth.getAccessToken();
    await auth.getAccessToken({ forceRefresh: true, rejectedAccessToken: accessToken });
    const rest = PERIOD_MS - (performance.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

// --- the parent ------------------------------------------------------------------------------

/** Re-runs this script inside a private D-Bus session with an unlocked gnome-keyring (Linux). */
function reexecWithKeyring(): never {
  const result = spawnSync(
    'dbus-run-session',
    [
      '--',
      'sh',
      '-c',
      'export XDG_DATA_HOME="$(mktemp -d)"; eval "$(printf meeting-tray-bench | gnome-keyring-daemon --unlock --components=secrets | sed "s/^/export /")"; exec "$0" "$@"',
      process.execPath,
      SELF,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, CRASH_WINDOW_KEYRING: 'private' } },
  );
  process.exit(result.status ?? 1);
}

async function keychainReachable(): Promise<boolean> {
  const probe = createKeyringSecretStore({ service: `Meeting Tray Bench probe ${process.pid}` });
  try {
    await probe.set('probe', 'x');
    await probe.delete('probe');
    return true;
  } catch {
    return false;
  }
}

async function runParent() {
  const trialsArg = process.argv.indexOf('--trials');
  const trials = Math.min(200, Math.max(1, Number(process.argv[trialsArg + 1] ?? 40) || 40));
  if (!(await keychainReachable())) {
    if (process.platform === 'linux' && !process.env.CRASH_WINDOW_KEYRING) reexecWithKeyring();
    console.log('crash window: skipped, no keychain reachable (needs dbus + gnome-keyring)');
    return;
  }
  // Loaded here, not at the top, so the child starts without the sandbox's code.
  const { startZoomSandbox } = await import('../../main/sandbox/index.ts');
  type Sandbox = Awaited<ReturnType<typeof startZoomSandbox>>;
  const clock = createSystemClock();
  const before = await loadBeforeStore();
  const service = (layout: Layout | 'canary') =>
    `Meeting Tray Bench crash ${layout} ${process.pid} ${Date.now()}`;

  interface LayoutRun {
    layout: Layout;
    /** A sandbox per layout: Zoom keeps one grant per user and app, and the runs interleave. */
    sandbox: Sandbox;
    service: string;
    lost: number;
    /** Zoom's answer → keychain commit, ms, per rotation seen. */
    windows: number[];
    /** Keychain calls from Zoom's answer to the commit, the commit included. */
    callsToCommit: number[];
    /** Keychain calls between one rotation and the next: everything a rotation costs. */
    callsInAll: number[];
  }

  const providerOf = (run: LayoutRun) =>
    sandboxProviderConfig({
      url: run.sandbox.url,
      apiBaseUrl: run.sandbox.apiBaseUrl,
      clientId: run.sandbox.clients.public.clientId,
    });
  const storeOf = (run: LayoutRun) =>
    storeFor(
      run.layout,
      createKeyringSecretStore({ service: run.service, platform: platformOf(run.layout) }),
      before,
    );

  async function signIn(run: LayoutRun) {
    const auth = benchAuthService({
      provider: providerOf(run),
      clock,
      secrets: storeOf(run),
      openBrowser: async (url) => {
        const location = await allowOnSandboxConsent(url);
        request(location, { agent: false })
          .on('error', () => undefined)
          .end();
      },
    });
    await auth.signIn();
    await auth.drain(5_000);
    await auth.dispose();
  }

  async function nextStartSurvives(run: LayoutRun): Promise<boolean> {
    const auth = benchAuthService({
      provider: providerOf(run),
      clock,
      secrets: storeOf(run),
      openBrowser: async () => undefined,
    });
    try {
      await auth.restore();
      const { accessToken } = await auth.getAccessToken();
      await auth.getAccessToken({ forceRefresh: true, rejectedAccessToken: accessToken });
      await auth.drain(5_000);
      return true;
    } catch {
      return false;
    } finally {
      await auth.dispose();
    }
  }

  function startChild(run: LayoutRun) {
    const child = spawn(process.execPath, [SELF, '--child'], {
      env: {
        ...process.env,
        CRASH_LAYOUT: run.layout,
        CRASH_SERVICE: run.service,
        CRASH_SANDBOX_URL: run.sandbox.url,
        CRASH_SANDBOX_API: run.sandbox.apiBaseUrl,
        CRASH_CLIENT_ID: run.sandbox.clients.public.clientId,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    return { child, lines: createInterface({ input: child.stdout }), exited };
  }

  /** One kill: the child refreshes until its third rotation, then dies at a random moment. */
  // A canary entry tells a lost session from a lost keyring (a keyring daemon that restarted
  // under load forgets everything); a trial that lost the keyring is void, not counted.
  const canary = createKeyringSecretStore({ service: service('canary') });
  const canaryValue = String(Math.random());
  await canary.set('canary', canaryValue);
  const keyringIntact = async () => (await canary.get('canary').catch(() => null)) === canaryValue;

  /** One kill: the child refreshes until its third rotation, then dies at a random moment. */
  async function killOnce(run: LayoutRun): Promise<'kept' | 'lost' | 'void'> {
    const { child, lines, exited } = startChild(run);
    let rotations = 0;
    let callsAtLastRotation: number | null = null;
    let signedIn = true;
    for await (const line of lines) {
      const [word, a, b] = line.split(' ');
      if (word === 'not-signed-in') {
        signedIn = false;
        break;
      }
      if (word === 'committed') {
        run.windows.push(Number(a));
        run.callsToCommit.push(Number(b));
      }
      if (word !== 'rotated') continue;
      if (callsAtLastRotation !== null) run.callsInAll.push(Number(a) - callsAtLastRotation);
      callsAtLastRotation = Number(a);
      if (++rotations === 3) break;
    }
    if (signedIn)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * PERIOD_MS));
    child.kill('SIGKILL');
    child.stdout.resume();
    await exited;
    const kept = signedIn && (await nextStartSurvives(run));
    const intact = await keyringIntact();
    if (!kept || !intact) {
      if (!intact) await canary.set('canary', canaryValue);
      run.service = service(run.layout);
      await signIn(run);
    }
    return !intact || !signedIn ? 'void' : kept ? 'kept' : 'lost';
  }

  const layouts = (['before', 'after/windows', 'after'] as const).filter(
    (layout) => layout !== 'before' || typeof before === 'function',
  );
  console.log(
    `crash window: kill -9 at a random moment of a refresh every ${PERIOD_MS} ms, real keychain, ${trials} kills per layout (interleaved)`,
  );
  if (typeof before !== 'function')
    console.log(`before         skipped: ${before.unavailable} (a shallow clone?)`);
  const started = performance.now();
  const runs: LayoutRun[] = [];
  for (const layout of layouts) {
    const run: LayoutRun = {
      layout,
      sandbox: await startZoomSandbox({ rateLimits: false }),
      service: service(layout),
      lost: 0,
      windows: [],
      callsToCommit: [],
      callsInAll: [],
    };
    await signIn(run);
    runs.push(run);
  }
  // Interleaved, so a machine that gets busier or quieter weighs on every layout alike.
  let voids = 0;
  for (let trial = 0; trial < trials; trial += 1) {
    for (const run of runs) {
      let outcome = await killOnce(run);
      while (outcome === 'void' && voids < 20) {
        voids += 1;
        outcome = await killOnce(run);
      }
      if (outcome === 'void') throw new Error('the keyring keeps restarting; no figures');
      if (outcome === 'lost') run.lost += 1;
    }
  }
  if (voids > 0) console.log(`(${voids} trial(s) void: the keyring daemon restarted; run again)`);
  for (const run of runs) {
    console.log(
      `${run.layout.padEnd(14)} sessions lost ${String(run.lost).padStart(3)} of ${trials} (${((100 * run.lost) / trials).toFixed(0)}%)` +
        ` · window ${median(run.windows).toFixed(1)} ms (Zoom's answer → keychain commit, median of ${run.windows.length})` +
        ` · keychain calls per rotation: ${median(run.callsToCommit)} to the commit, ${median(run.callsInAll)} in all`,
    );
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  await canary.delete('canary');
  await Promise.all(runs.map((run) => run.sandbox.close()));
}

if (process.argv.includes('--child')) await runChild();
else await runParent();
