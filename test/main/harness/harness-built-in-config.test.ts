// The harness as `npm run web` runs it, given a built-in configuration file through
// MEETING_TRAY_APP_CONFIG: a valid one is the account in use, a broken one stops the start
// (exit 2) with a message naming the file.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'mt harness config '));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the harness until it prints its URL (then stops it) or exits on its own. */
function runHarness(configText: string) {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, configText);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MEETING_TRAY_APP_CONFIG: file,
    MEETING_TRAY_DATA_DIR: join(scratch, 'data'),
  };
  for (const name of ['ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET', 'ZOOM_OAUTH_BASE', 'ZOOM_API_BASE'])
    delete env[name];
  const child = spawn(process.execPath, [join(root, 'main/harness/cli.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('Meeting Tray harness: open')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string; file: string }>(
    (done) => child.once('exit', (code) => done({ code, stdout, stderr, file })),
  );
}

// Each run starts a Node process that loads the harness from source: generous under a busy machine.
describe('MEETING_TRAY_APP_CONFIG', { timeout: 60_000 }, () => {
  it('makes the harness use the built-in account instead of the demo', async () => {
    const run = await runHarness('{ "zoom": { "clientId": "BuiltInClient1" } }');
    expect(run.stdout).toContain('Meeting Tray harness: open http://127.0.0.1:');
    expect(run.stdout).not.toContain('Demo mode');
  });

  it('stops the start with exit code 2 and the file named when the file is broken', async () => {
    const run = await runHarness('{ "zoom": { "clientId": "x", "clientSecret": "nope" } }');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(run.file);
    expect(run.stderr).toContain('contains a client secret');
    expect(run.stdout).not.toContain('Meeting Tray harness: open');
  });
});
