import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSandboxArgs } from '../../../main/sandbox/cli-args.ts';

const CLI = fileURLToPath(new URL('../../../main/sandbox/cli.ts', import.meta.url));

function startCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const firstLines = new Promise<string[]>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (lines.length === 3) resolve(lines);
    });
    child.once('exit', (code) => reject(new Error(`sandbox CLI exited early with ${code}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, firstLines, exited };
}

// Spawning Node 24 takes a few seconds on a busy 2-core machine: a budget, not a timing check.
describe('npm run sandbox (cli.ts)', { timeout: 30_000 }, () => {
  it('prints the listening line and the demo credentials, serves, and exits cleanly on SIGTERM', async () => {
    const { child, firstLines, exited } = startCli([
      '--port',
      '0',
      '--test-mode',
      '--meetings',
      '4',
    ]);
    const [listening = '', confidential = '', publicClient = ''] = await firstLines;
    const match = /^Zoom sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(listening);
    expect(match).not.toBeNull();
    expect(confidential).toMatch(/client_id=SandboxClientId01 client_secret=\S+/);
    expect(publicClient).toContain('client_id=SandboxPublicClient01');
    const url = match?.[1] ?? '';
    expect((await fetch(`${url}/.well-known/oauth-authorization-server`)).status).toBe(200);
    expect((await fetch(`${url}/__sandbox/counters`)).status).toBe(200); // --test-mode took effect
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it('exits cleanly on SIGINT', async () => {
    const { child, firstLines, exited } = startCli(['--port', '0']);
    await firstLines;
    child.kill('SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it('refuses an unknown flag with exit code 2 and the usage', async () => {
    const child = spawn(process.execPath, [CLI, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown option "--bogus"');
    expect(stderr).toContain('--rate-limit-rate');
  });
});

describe('parseSandboxArgs', () => {
  it('maps every flag onto the options', () => {
    expect(
      parseSandboxArgs([
        '--port',
        '4000',
        '--token-ttl',
        '60',
        '--latency',
        '15',
        '--error-rate',
        '0.1',
        '--rate-limit-rate=0.2',
        '--retry-after',
        '3',
        '--drop-rate',
        '0.05',
        '--meetings',
        '40',
        '--clock-offset',
        '120000',
        '--test-mode',
        '--no-rate-limits',
        '--grants-file',
        'demo grants.json',
      ]),
    ).toEqual({
      port: 4000,
      accessTokenTtlSeconds: 60,
      latencyMs: 15,
      faults: { serverErrorRate: 0.1, rateLimitRate: 0.2, retryAfterSeconds: 3, dropRate: 0.05 },
      meetingCount: 40,
      clockOffsetMs: 120000,
      testMode: true,
      rateLimits: false,
      grantsFile: { path: 'demo grants.json' },
    });
    expect(parseSandboxArgs([])).toEqual({});
  });

  it('explains bad values', () => {
    expect(() => parseSandboxArgs(['--port'])).toThrow('--port needs a number of 0 or more');
    expect(() => parseSandboxArgs(['--grants-file'])).toThrow('--grants-file needs a path');
    expect(() => parseSandboxArgs(['--latency', 'soon'])).toThrow('--latency needs a number');
    expect(() => parseSandboxArgs(['--error-rate', '2'])).toThrow(
      '--error-rate is a share between 0 and 1',
    );
  });
});
