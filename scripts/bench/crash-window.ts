// The crash window: how often kill -9 during a refresh loop loses the session, with the real
// keychain. Zoom rotates the refresh token when it answers; until the new one is committed to
// the keychain, a killed process leaves a dead one behind and the next start says "session
// expired". A child process refreshes against the Zoom sandbox (in this process) on a fixed
// cadence; it is killed at a uniformly random moment, then a fresh start tries to refresh from
// what the keychain holds. Lost sessions are counted per keychain layout:
//   before         the chunked layout as it was (6ab3ceb, read from git): chunks on every OS
//   after/windows  today's layout where the platform needs chunks (Windows' 2,560-byte limit)
//   after          today's layout elsewhere (macOS, Linux): one write, which is the commit
// A calibration run per layout also reports the window itself (Zoom's answer → commit, median)
// and the keychain calls a rotation makes before and in all.
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
const CALIBRATION_ROTATIONS = 20;

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
  const sandbox = await startZoomSandbox({ rateLimits: false });
  const provider = sandboxProviderConfig({
    url: sandbox.url,
    apiBaseUrl: sandbox.apiBaseUrl,
    clientId: sandbox.clients.public.clientId,
  });
  const clock = createSystemClock();
  const before = await loadBeforeStore();
  const service = (layout: Layout) =>
    `Meeting Tray Bench crash ${layout} ${process.pid} ${Date.now()}`;

  async function signIn(layout: Layout, keychainService: string) {
    const raw = createKeyringSecretStore({
      service: keychainService,
      platform: platformOf(layout),
    });
    const auth = benchAuthService({
      provider,
      clock,
      secrets: storeFor(layout, raw, before),
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

  async function nextStartSurvives(layout: Layout, keychainService: string): Promise<boolean> {
    const raw = createKeyringSecretStore({
      service: keychainService,
      platform: platformOf(layout),
    });
    const auth = benchAuthService({
      provider,
      clock,
      secrets: storeFor(layout, raw, before),
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

  /** Starts the child; `onLine` sees each line it prints, `kill` ends it. */
  function startChild(layout: Layout, keychainService: string) {
    const child = spawn(process.execPath, [SELF, '--child'], {
      env: {
        ...process.env,
        CRASH_LAYOUT: layout,
        CRASH_SERVICE: keychainService,
        CRASH_SANDBOX_URL: sandbox.url,
        CRASH_SANDBOX_API: sandbox.apiBaseUrl,
        CRASH_CLIENT_ID: sandbox.clients.public.clientId,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    return { child, lines: createInterface({ input: child.stdout }), exited };
  }

  async function calibrate(layout: Layout) {
    const keychainService = service(layout);
    await signIn(layout, keychainService);
    const { child, lines, exited } = startChild(layout, keychainService);
    const windows: number[] = [];
    const before: number[] = [];
    const totals: number[] = [];
    let lastRotationCalls: number | null = null;
    for await (const line of lines) {
      const [word, a, b] = line.split(' ');
      if (word === 'rotated') {
        if (lastRotationCalls !== null) totals.push(Number(a) - lastRotationCalls);
        lastRotationCalls = Number(a);
      }
      if (word === 'committed') {
        windows.push(Number(a));
        before.push(Number(b));
      }
      if (word === 'not-signed-in') break;
      if (windows.length >= CALIBRATION_ROTATIONS && totals.length >= CALIBRATION_ROTATIONS) break;
    }
    child.kill('SIGKILL');
    await exited;
    return { window: median(windows), callsToCommit: median(before), calls: median(totals) };
  }

  async function killTrials(layout: Layout) {
    let keychainService = service(layout);
    await signIn(layout, keychainService);
    let lost = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      const { child, lines, exited } = startChild(layout, keychainService);
      let rotations = 0;
      for await (const line of lines) {
        if (line.startsWith('rotated') && ++rotations === 2) break;
        if (line === 'not-signed-in') throw new Error('the child found no session to refresh');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * PERIOD_MS));
      child.kill('SIGKILL');
      child.stdout.resume();
      await exited;
      if (!(await nextStartSurvives(layout, keychainService))) {
        lost += 1;
        keychainService = service(layout);
        await signIn(layout, keychainService);
      }
    }
    return lost;
  }

  const layouts: Layout[] = ['before', 'after/windows', 'after'];
  console.log(
    `crash window: kill -9 at a random moment of a refresh every ${PERIOD_MS} ms, real keychain, ${trials} kills per layout`,
  );
  const started = performance.now();
  for (const layout of layouts) {
    if (layout === 'before' && typeof before !== 'function') {
      console.log(`${layout.padEnd(14)} skipped: ${before.unavailable} (a shallow clone?)`);
      continue;
    }
    const shape = await calibrate(layout);
    const lost = await killTrials(layout);
    console.log(
      `${layout.padEnd(14)} sessions lost ${String(lost).padStart(3)} of ${trials} (${((100 * lost) / trials).toFixed(0)}%)` +
        ` · window ${shape.window.toFixed(1)} ms (Zoom's answer → keychain commit, median)` +
        ` · keychain calls per rotation ${shape.callsToCommit} to the commit, ${shape.calls} in all`,
    );
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  await sandbox.close();
}

if (process.argv.includes('--child')) await runChild();
else await runParent();
