// `npm start` (after the build): runs Electron on this checkout, passing its output through.
// On Linux with AppArmor's user-namespace restriction (Ubuntu 23.10 and later) Chromium falls
// back to its SUID sandbox helper, which in node_modules is not root-owned, and aborts with a
// FATAL line and a trap. Then this prints the one-line fix instead of Electron's dump.
//
//   node scripts/start.mjs [electron arguments…]
//
// MEETING_TRAY_ELECTRON_CLI replaces Electron's CLI (tests use a stand-in that prints the abort).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Chromium's words when the SUID helper is not root-owned 4755 (electron#42510). */
const SANDBOX_ABORT = /The SUID sandbox helper binary was found, but is not configured correctly/;
const HELPER_PATH = /You need to make sure that (.+?) is owned by root and has mode 4755/;

function electronCli() {
  if (process.env.MEETING_TRAY_ELECTRON_CLI) return process.env.MEETING_TRAY_ELECTRON_CLI;
  return join(dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'cli.js');
}

/** The fix, on one line: the helper's path from Chromium's own message when it names one. */
function sandboxFix(line) {
  const helper =
    HELPER_PATH.exec(line)?.[1] ?? join(root, 'node_modules', 'electron', 'dist', 'chrome-sandbox');
  return (
    `Meeting Tray: Electron's sandbox was blocked by AppArmor (Ubuntu 23.10+). Fix it once with: ` +
    `sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}" ` +
    `(again after each npm ci; or see the README's "Linux: npm start stops at once").`
  );
}

const child = spawn(process.execPath, [electronCli(), '.', ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'pipe'],
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

let abortLine = null;
createInterface({ input: child.stderr }).on('line', (line) => {
  if (abortLine === null && SANDBOX_ABORT.test(line)) abortLine = line;
  // After the abort, only Chromium's dump and the CLI's "exited with signal" follow: keep quiet.
  if (abortLine === null) process.stderr.write(`${line}\n`);
});

child.on('close', (code, signal) => {
  if (abortLine !== null) {
    console.error(sandboxFix(abortLine));
    process.exit(1);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
