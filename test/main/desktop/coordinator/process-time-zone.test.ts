// The real probe in a real Node process: the system zone is changed under it (a private mount
// namespace with its own /etc/localtime, so the machine's zone is untouched), and only the
// probe's redetect makes the process see it. Needs Linux, root and unshare(1); elsewhere the
// first test reports itself skipped, never passed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./process-time-zone-child.ts', import.meta.url));
const canUnshare =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('unshare', ['-m', '--propagation', 'private', 'true']).status === 0;

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

describe('the process time-zone probe', () => {
  it.skipIf(!canUnshare)(
    'sees a system zone change only after redetect; formatters built before keep the old zone',
    () => {
      const etc = mkdtempSync(join(tmpdir(), 'mt-tz-etc-'));
      try {
        const env = { ...process.env };
        delete env.TZ;
        // A private /etc holding only localtime (→ UTC); the child then points it at Tokyo.
        const script = [
          `mount -t tmpfs none "${etc}"`,
          `ln -s /usr/share/zoneinfo/Etc/UTC "${etc}/localtime"`,
          `mount --bind "${etc}" /etc`,
          `exec "${process.execPath}" "${CHILD}" Asia/Tokyo`,
        ].join(' && ');
        const report = run('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], env);
        expect(report).toMatchObject({
          before: 'UTC',
          withoutRedetect: 'UTC',
          after: 'Asia/Tokyo',
          freshFormatter: '21:00',
          builtFormatter: '12:00',
        });
        expect(report.tzAfter).toBeUndefined();
      } finally {
        rmSync(etc, { recursive: true, force: true });
      }
    },
  );

  it('keeps a TZ the app was started with: the person chose it', () => {
    const report = run(process.execPath, [CHILD], { ...process.env, TZ: 'Europe/Berlin' });
    expect(report).toMatchObject({
      before: 'Europe/Berlin',
      after: 'Europe/Berlin',
      tzBefore: 'Europe/Berlin',
      tzAfter: 'Europe/Berlin',
      freshFormatter: '13:00',
    });
  });
});
