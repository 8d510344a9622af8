// `npm run bench`: runs every scripts/bench/*.ts in turn and lets each print its own figures.
// Figures, not pass/fail: the machines are noisy, so no threshold lives in a test.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('./bench/', import.meta.url).pathname;
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
  const result = spawnSync(process.execPath, [join(dir, name)], { stdio: 'inherit' });
  if (result.status !== 0) failures += 1;
}
process.exit(failures > 0 ? 1 : 0);
