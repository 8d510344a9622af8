// A copy of the project as packaging sees it, in a scratch folder: the build output, the builder
// configuration and its hook, the icons, and the production modules the lockfile lists. The
// packaged-app tests write a baked configuration into its dist/ and add other CPUs' bindings to
// its node_modules without touching the working tree.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '../..');

/** What electron-builder reads from a project (besides node_modules). */
const PACKAGING_INPUTS = [
  'package.json',
  'package-lock.json',
  'electron-builder.yml',
  'assets',
  'dist',
  'scripts/package',
];

interface LockEntry {
  dev?: boolean;
}

/** Installed paths of the lockfile's non-dev packages (`node_modules/a`, `node_modules/a/node_modules/b`). */
export function productionModulePaths(root: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev)
    .map(([path]) => path)
    .filter((path) => existsSync(join(root, path)));
}

export function copyProjectForPackaging(target: string, root = PROJECT_ROOT): string {
  if (!existsSync(join(root, 'dist', 'main', 'index.cjs')))
    throw new Error('dist/ is not built: run `npm run build` first.');
  for (const input of [...PACKAGING_INPUTS, ...productionModulePaths(root)])
    cpSync(join(root, input), join(target, input), { recursive: true });
  return target;
}

export interface CommandResult {
  code: number;
  output: string;
}

/** Runs a command to its end, keeping stdout and stderr together for failure messages. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
