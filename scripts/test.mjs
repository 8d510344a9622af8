// The whole test suite: unit + integration (Vitest) and end-to-end (Playwright in Chromium).
//
// On Linux the tests use a real OS keychain: this script re-runs itself inside a private
// D-Bus session (dbus-run-session) and starts an unlocked gnome-keyring there, with its
// data under a temporary directory, so a developer's own keyring is never touched.
// It ends with one line "tests: N passed, N failed" and exits non-zero on any failure.
//
// `npm test -- <vitest filters…>` runs only the matching Vitest files (with the same real
// keychain) and skips Playwright: the quick loop while working on one module.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitestFilters = process.argv.slice(2);
const bin = (name) => join(root, 'node_modules', '.bin', name);

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (process.platform === 'linux' && !process.env.MEETING_TRAY_TEST_KEYRING) {
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (!onPath(tool)) {
      console.error(
        `tests: ${tool} is missing. Install it with: sudo apt-get install dbus gnome-keyring`,
      );
      process.exit(2);
    }
  }
  const result = spawnSync('dbus-run-session', ['--', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MEETING_TRAY_TEST_KEYRING: 'starting' },
  });
  process.exit(result.status ?? 1);
}

const scratch = mkdtempSync(join(tmpdir(), 'meeting-tray-test-'));
const env = {
  ...process.env,
  MEETING_TRAY_KEYCHAIN_SERVICE: `Meeting Tray Test ${process.pid}`,
};

if (process.platform === 'linux') {
  env.XDG_DATA_HOME = join(scratch, 'xdg-data');
  // --unlock reads the login keyring's password on stdin and creates the keyring if needed.
  const keyring = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'meeting-tray-test',
    env,
    encoding: 'utf8',
  });
  if (keyring.status !== 0) {
    console.error('tests: gnome-keyring-daemon could not start:', keyring.stderr);
    process.exit(2);
  }
  for (const line of keyring.stdout.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
  }
  env.MEETING_TRAY_TEST_KEYRING = 'gnome-keyring';
  env.CHROMIUM_PATH ??= '/usr/bin/chromium';
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, cwd: root });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const runE2e = vitestFilters.length === 0;
// The end-to-end tests drive the built app (dist/), so a whole run builds it first: a fresh
// clone needs nothing but `npm ci && npm test`.
const buildExit = runE2e ? await run(process.execPath, [join(root, 'scripts', 'build.mjs')]) : 0;
const vitestReport = join(scratch, 'vitest.json');
const playwrightReport = join(scratch, 'playwright.json');
const unitExit = await run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
  ...vitestFilters,
]);
env.PLAYWRIGHT_JSON_OUTPUT_NAME = playwrightReport;
const e2eExit = runE2e
  ? await run(bin('playwright'), [
      'test',
      '-c',
      'test/e2e/playwright.config.ts',
      '--reporter=list,json',
    ])
  : 0;

/** Skip reasons from Playwright's JSON report, so a skip is always said out loud. */
function skipReasons(report) {
  const reasons = new Map();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        const why = t.annotations?.find((a) => a.type === 'skip')?.description ?? 'no reason given';
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return reasons;
}

let passed = 0;
let failed = 0;
let skipped = 0;
const unit = readJson(vitestReport);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
const e2e = readJson(playwrightReport);
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  for (const [why, count] of skipReasons(e2e)) console.log(`\n${count} end-to-end test(s) ${why}`);
}
if (buildExit !== 0 || !unit || (runE2e && !e2e)) failed += 1; // a build or a runner that crashed before reporting is a failure
rmSync(scratch, { recursive: true, force: true });

const exitCode = buildExit !== 0 || unitExit !== 0 || e2eExit !== 0 || failed > 0 ? 1 : 0;
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
