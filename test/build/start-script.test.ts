// `npm start` runs scripts/start.mjs: when Chromium aborts on Linux's SUID-sandbox check, the
// person reads one line saying what to run, not Electron's dump. A stand-in for Electron's CLI
// prints what Chromium prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const START = join(import.meta.dirname, '../../scripts/start.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'meeting-tray-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ABORT =
  "[4242:1130/061500.123456:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make sure that /home/ada/meeting tray/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.";

function runWithFakeElectron(body: string) {
  const cli = join(scratch, `cli-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(cli, body);
  return spawnSync(process.execPath, [START, '--hidden'], {
    env: { ...process.env, MEETING_TRAY_ELECTRON_CLI: cli },
    encoding: 'utf8',
  });
}

describe('scripts/start.mjs', { timeout: 30_000 }, () => {
  it('on the sandbox abort: Electron’s dump is replaced by one line with the fix, exit 1', () => {
    const run = runWithFakeElectron(`
      console.error('Gtk-Message: a harmless warning before the abort');
      console.error(${JSON.stringify(ABORT)});
      console.error('#0 0x55d1c0ffee base::debug::CollectStackTrace()');
      console.error('/usr/lib/electron exited with signal SIGTRAP');
      process.exit(1);
    `);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      'Gtk-Message: a harmless warning before the abort',
      expect.stringContaining(
        'sudo chown root:root "/home/ada/meeting tray/node_modules/electron/dist/chrome-sandbox" && sudo chmod 4755 "/home/ada/meeting tray/node_modules/electron/dist/chrome-sandbox"',
      ),
    ]);
    expect(run.stderr).not.toMatch(/FATAL|#0|SIGTRAP/);
  });

  it('otherwise passes Electron’s output, arguments and exit code through', () => {
    const run = runWithFakeElectron(`
      console.log(JSON.stringify(process.argv.slice(2)));
      console.error('a warning');
      process.exit(3);
    `);
    expect(run.status).toBe(3);
    expect(JSON.parse(run.stdout)).toEqual(['.', '--hidden']);
    expect(run.stderr).toBe('a warning\n');
  });
});
