// An arm64 Linux package built on this x64 machine: npm installed only the x64 keychain binding,
// so the build must fail loudly (scripts/package/after-pack.ts) and say how to fix it; after the
// fix (ensure-keyring-bindings.ts, the recipe CI uses for the other Mac CPU) the package carries
// the arm64 binding, unpacked, and it is an aarch64 binary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringBindingFile } from '../../scripts/package/keyring-binding.ts';
import { asarEntries } from './asar-view.ts';
import { packageLinuxDir } from './package-linux-dir.ts';
import { createScratch, type Scratch } from './packaged-fixture.ts';
import { PROJECT_ROOT, run } from './scratch-project.ts';

const started = performance.now();
let scratch: Scratch;
const binding = keyringBindingFile('linux', 'arm64');
const ensureBindings = (...args: string[]) =>
  run(
    process.execPath,
    [join(PROJECT_ROOT, 'scripts/package/ensure-keyring-bindings.ts'), 'linux', 'arm64', ...args],
    { cwd: scratch.project },
  );

beforeAll(() => {
  scratch = createScratch('arm64');
});

afterAll(() => {
  scratch?.remove();
  console.log(`packaged-app arm64 test: ${Math.round(performance.now() - started)} ms`);
});

describe('an arm64 package built on x64', () => {
  it('fails the build, naming the missing binding and the command that adds it', async () => {
    expect(process.arch).toBe('x64'); // what this test is about; elsewhere it would prove nothing
    const attempt = await packageLinuxDir({
      project: scratch.project,
      electron: scratch.electron,
      out: join(scratch.dir, 'release-without'),
      arch: 'arm64',
    });
    expect(attempt.build.code).not.toBe(0);
    expect(attempt.build.output).toMatch(/linux arm64 package has no usable keychain binding/u);
    expect(attempt.build.output).toMatch(/@napi-rs\/keyring-linux-arm64-gnu is missing/u);
    expect(attempt.build.output).toMatch(
      /npm install --no-save --force --no-audit --no-fund @napi-rs\/keyring-linux-arm64-gnu@\d/u,
    );
    const check = await ensureBindings();
    expect(check.code).toBe(1);
    expect(check.output).toMatch(/keyring-linux-arm64-gnu is missing/u);
  });

  it('after adding the arm64 binding, carries it unpacked, as an aarch64 binary', async () => {
    // The scratch copy holds production modules only: npm must not add the dev tree around it.
    const added = await ensureBindings('--install', '--', '--omit=dev', '--ignore-scripts');
    expect(added.code, added.output).toBe(0);
    const built = await packageLinuxDir({
      project: scratch.project,
      electron: scratch.electron,
      out: join(scratch.dir, 'release'),
      arch: 'arm64',
    });
    expect(built.build.code, built.build.output).toBe(0);
    const entry = asarEntries(join(built.resources, 'app.asar')).find(
      (e) => e.path === `node_modules/${binding}`,
    );
    expect(entry?.unpacked).toBe(true);
    const elf = readFileSync(join(built.resources, 'app.asar.unpacked/node_modules', binding));
    expect(elf.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(elf.readUInt16LE(18)).toBe(0xb7); // e_machine: EM_AARCH64
  });
});
