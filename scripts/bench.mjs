// `npm run bench`: runs every scripts/bench/*.ts in turn and lets each print its own figures.
// Figures, not pass/fail: the machines are noisy, so no threshold lives in a test. Each figure
// is printed beside its limit, measured in the same run where the limit is a measurement.
//
// On Linux the keychain figures need a Secret Service: like scripts/test.mjs, this script re-runs
// itself inside a private D-Bus session with an unlocked gnome-keyring (data in a temporary
// directory, so a developer's own keyring is never touched). Without those tools the benchmarks
// fall back to an in-memory store and say so.
// `npm run bench -- <name part>` runs only the matching benchmarks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const onPath = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

if (
  process.platform === 'linux' &&
  !process.env.MEETING_TRAY_BENCH_KEYRING &&
  onPath('dbus-run-session') &&
  onPath('gnome-keyring-daemon')
) {
  const result = spawnSync('dbus-run-session', ['--', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MEETING_TRAY_BENCH_KEYRING: 'starting' },
  });
  process.exit(result.status ?? 1);
}

const env = { ...process.env };
let scratch = null;
if (process.env.MEETING_TRAY_BENCH_KEYRING === 'starting') {
  scratch = mkdtempSync(join(tmpdir(), 'meeting-tray-bench-'));
  env.XDG_DATA_HOME = join(scratch, 'xdg-data');
  const keyring = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'meeting-tray-bench',
    env,
    encoding: 'utf8',
  });
  for (const line of keyring.status === 0 ? keyring.stdout.split('\n') : []) {
    const at = line.indexOf('=');
    if (at > 0) env[line.slice(0, at)] = line.slice(at + 1);
  }
  env.MEETING_TRAY_BENCH_KEYRING = keyring.status === 0 ? 'gnome-keyring' : 'unavailable';
}

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const only = process.argv[2];
const scripts = readdirSync(dir)
  // *-shared.ts files are helpers the benchmarks import, not benchmarks.
  .filter(
    (name) =>
      name.endsWith('.ts') && !name.endsWith('-shared.ts') && (!only || name.includes(only)),
  )
  .sort();
let failures = 0;
for (const name of scripts) {
  console.log(`\n## ${name}`);
  const result = spawnSync(process.execPath, [join(dir, name)], { stdio: 'inherit', env });
  if (result.status !== 0) failures += 1;
}
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.exit(failures > 0 ? 1 : 0);
