// `npm run sandbox -- --provider fathom`: starts the Fathom sandbox, prints its URLs and
// credentials, serves, and stops cleanly.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitProvider } from '../../../../main/sandbox/cli-args.ts';
import { parseFathomSandboxArgs } from '../../../../main/sandbox/fathom/cli-args.ts';

const CLI = fileURLToPath(new URL('../../../../main/sandbox/cli.ts', import.meta.url));

// Spawning Node 24 takes a few seconds on a busy 2-core machine: a budget, not a timing check.
describe('npm run sandbox -- --provider fathom', { timeout: 30_000 }, () => {
  it('prints its URLs, OAuth client and API key, serves them, and exits on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [CLI, '--provider', 'fathom', '--port', '0', '--test-mode'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const lines = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      createInterface({ input: child.stdout }).on('line', (line) => {
        seen.push(line);
        if (seen.length === 6) resolve(seen);
      });
      child.once('exit', (code) => reject(new Error(`CLI exited early with ${code}`)));
    });
    const [listening = '', client = '', key = '', oauth = '', api = '', redirects = ''] = lines;
    const url = /^Fathom sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(listening)?.[1];
    expect(url).toBeDefined();
    expect(client).toMatch(/client_id=FathomSandboxClient01 client_secret=\S+/);
    const apiKey = /X-Api-Key\): (\S+)$/.exec(key)?.[1] ?? '';
    expect(oauth).toBe(
      `Authorize: ${url}/external/v1/oauth2/authorize   Token: ${url}/external/v1/oauth2/token`,
    );
    expect(api).toBe(`API base: ${url}/external/v1`);
    expect(redirects).toContain('http://127.0.0.1:53682/fathom/callback');
    const meetings = await fetch(`${url}/external/v1/meetings`, {
      headers: { 'X-Api-Key': apiKey },
    });
    expect(meetings.status).toBe(200);
    expect(((await meetings.json()) as { items: unknown[] }).items.length).toBe(10);
    expect((await fetch(`${url}/__admin/counters`)).status).toBe(200); // --test-mode took effect
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it('refuses an unknown provider and an unknown Fathom flag with exit code 2', async () => {
    for (const [args, message] of [
      [['--provider', 'teams'], '--provider is zoom or fathom'],
      [['--provider', 'fathom', '--bogus'], 'Unknown option "--bogus"'],
    ] as const) {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(2);
      expect(stderr).toContain(message);
    }
  });
});

describe('parseFathomSandboxArgs', () => {
  it('maps the flags onto the options', () => {
    expect(
      parseFathomSandboxArgs([
        '--port=4100',
        '--pkce',
        'enforce',
        '--redirect-match',
        'loopback-any-port',
        '--redirect-uri',
        'http://127.0.0.1:1/a',
        '--redirect-uri=http://127.0.0.1:2/b',
        '--token-ttl',
        '90',
        '--refresh-grace',
        '5',
        '--meetings',
        '30',
        '--page-size',
        '4',
        '--rate-limit',
        '10',
        '--retry-after-header',
        '--error-rate',
        '0.1',
        '--schema-fault',
        'drop-next-cursor',
        '--wire-fault',
        'api=stall',
        '--include-summary-oauth',
        'reject',
        '--deny',
        '--test-mode',
        '--grants-file',
        'g.json',
      ]),
    ).toEqual({
      port: 4100,
      pkce: 'enforce',
      redirectMatch: 'loopback-any-port',
      redirectUris: ['http://127.0.0.1:1/a', 'http://127.0.0.1:2/b'],
      accessTokenTtlSeconds: 90,
      refreshGraceSeconds: 5,
      meetingCount: 30,
      pageSize: 4,
      rateLimit: { limit: 10, retryAfter: true },
      faults: {
        serverErrorRate: 0.1,
        schema: 'drop-next-cursor',
        wire: { api: { kind: 'stall' } },
      },
      includeSummaryForOAuth: 'reject',
      deny: true,
      testMode: true,
      grantsFile: { path: 'g.json' },
    });
    expect(parseFathomSandboxArgs(['--no-rate-limit'])).toEqual({ rateLimit: false });
  });

  it('explains bad values', () => {
    expect(() => parseFathomSandboxArgs(['--pkce', 'maybe'])).toThrow(
      '--pkce is one of ignore, enforce, reject-param',
    );
    expect(() => parseFathomSandboxArgs(['--wire-fault', 'revoke=stall'])).toThrow(
      'ENDPOINT one of token, api',
    );
    expect(() => parseFathomSandboxArgs(['--error-rate', '3'])).toThrow('a share between 0 and 1');
    expect(() => parseFathomSandboxArgs(['--grants-file'])).toThrow('--grants-file needs a value');
  });

  it('splitProvider takes --provider out and defaults to zoom', () => {
    expect(splitProvider(['--port', '1'])).toEqual({ provider: 'zoom', rest: ['--port', '1'] });
    expect(splitProvider(['--provider=fathom', '--deny'])).toEqual({
      provider: 'fathom',
      rest: ['--deny'],
    });
  });
});
