// Proves the build works from a folder whose path has a space in it (and so, by the same
// code paths, from Windows drive paths): the scripts must hand Vite and tsc file paths, not
// URL pathnames, which would keep `%20` for the space. Run by .ci/run as its own step:
//
//   node scripts/build-from-space-path.mjs [--committed]
//
// It copies the checkout's files (what git tracks, plus new files it would track; with
// --committed, the files as committed at HEAD) into
// `<tmp>/meeting tray <random>/checkout copy/`, links each installed package from this
// checkout's node_modules (no second install; tsc's cache stays apart), runs `npm run build`
// and `npm run typecheck` there, checks every output the app loads, and removes the copy.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

/** What the app loads at run time, relative to the project root. */
const OUTPUTS = [
  'dist/main/index.cjs',
  'dist/preload/index.cjs',
  'dist/renderer/index.html',
  'dist/web-preload/web-preload.js',
];

class CheckFailed extends Error {}
function fail(message) {
  throw new CheckFailed(message);
}

function git(args, options = {}) {
  const result = spawnSync('git', args, { cwd: root, ...options });
  if (result.status !== 0)
    fail(`git ${args[0]} did not run here: ${result.stderr || result.error}`);
  return result.stdout;
}

/** HEAD's files, through git archive: what a fresh clone (CI) builds. */
function copyCommitted(copy) {
  mkdirSync(copy, { recursive: true });
  const archive = join(dirname(copy), 'head.tar');
  git(['archive', '--format=tar', `--output=${archive}`, 'HEAD']);
  const unpacked = spawnSync('tar', ['-xf', archive, '-C', copy], { encoding: 'utf8' });
  if (unpacked.status !== 0) fail(`tar could not unpack HEAD: ${unpacked.stderr}`);
  rmSync(archive);
}

/** The working tree's files: what a developer is about to commit. */
function copyWorkingTree(copy) {
  for (const file of checkoutFiles()) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
}

function checkoutFiles() {
  const listed = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    encoding: 'utf8',
  });
  // A tracked file deleted in the working tree is simply not copied.
  return listed.split('\0').filter((file) => file && existsSync(join(root, file)));
}

/** Links every installed package, but not tsc's or Vite's caches, which hold absolute paths. */
function linkNodeModules(copy) {
  const source = join(root, 'node_modules');
  if (!existsSync(source)) fail('node_modules is missing: run `npm ci` first.');
  const target = join(copy, 'node_modules');
  mkdirSync(target);
  for (const entry of readdirSync(source)) {
    if (entry === '.cache' || entry === '.vite') continue;
    const from = join(source, entry);
    // Junctions need no privilege on Windows; elsewhere the type is ignored.
    symlinkSync(from, join(target, entry), statSync(from).isDirectory() ? 'junction' : 'file');
  }
}

function run(copy, script) {
  const result = spawnSync('npm', ['run', script, '--silent'], {
    cwd: copy,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0)
    fail(`npm run ${script} exited ${result.status} in "${copy}":\n${output}`);
  if (output.includes('%20')) fail(`npm run ${script} printed a %-encoded path:\n${output}`);
  console.log(`space-path build: npm run ${script} passed (${seconds()} s)`);
}

const scratch = mkdtempSync(join(tmpdir(), 'meeting tray '));
const copy = join(scratch, 'checkout copy');
try {
  if (process.argv.includes('--committed')) copyCommitted(copy);
  else copyWorkingTree(copy);
  linkNodeModules(copy);
  console.log(`space-path build: copied the checkout to "${copy}" (${seconds()} s)`);
  run(copy, 'build');
  for (const output of OUTPUTS) {
    if (!existsSync(join(copy, output))) fail(`${output} was not built in "${copy}"`);
  }
  // The page must name its scripts relative to itself, not by an absolute (encoded) path.
  const page = readFileSync(join(copy, 'dist/renderer/index.html'), 'utf8');
  if (page.includes(scratch) || page.includes('%20')) fail('index.html names the build folder');
  run(copy, 'typecheck');
  console.log(`space-path build: passed — ${OUTPUTS.length} outputs built (${seconds()} s)`);
} catch (error) {
  if (!(error instanceof CheckFailed)) throw error;
  console.error(`space-path build: FAILED — ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
