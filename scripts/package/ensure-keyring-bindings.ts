// Before packaging for CPUs other than this machine's (CI builds both Macs on one runner):
//   node scripts/package/ensure-keyring-bindings.ts darwin x64 arm64 --install
// checks that node_modules holds the keychain binding for each CPU, built for that CPU; with
// --install it first adds the missing ones at the version @napi-rs/keyring pins (not saved to
// package.json; options after `--` go to npm). Exits non-zero, naming each problem, when a binding
// is still missing or built for another CPU.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  installCommand,
  keyringBindingPackage,
  keyringBindingProblems,
  pinnedBindingVersions,
  type TargetPlatform,
} from './keyring-binding.ts';

const PLATFORMS: readonly string[] = ['darwin', 'linux', 'win32'];

function main(argv: string[]): number {
  const split = argv.indexOf('--');
  const args = split < 0 ? argv : argv.slice(0, split);
  const extraNpmArgs = split < 0 ? [] : argv.slice(split + 1);
  const install = args.includes('--install');
  const [platform, ...arches] = args.filter((arg) => arg !== '--install');
  if (!platform || !PLATFORMS.includes(platform) || arches.length === 0) {
    console.error(
      'usage: ensure-keyring-bindings.ts <darwin|linux|win32> <arch>... [--install [-- npm options]]',
    );
    return 2;
  }
  const target = platform as TargetPlatform;
  const modules = join(process.cwd(), 'node_modules');
  const missing = arches.filter((arch) => keyringBindingProblems(modules, target, [arch]).length);
  if (install && missing.length > 0) {
    const [npm = 'npm', ...npmArgs] = installCommand(
      target,
      missing,
      pinnedBindingVersions(modules),
    );
    console.log(
      `keyring bindings: installing ${missing.map((a) => keyringBindingPackage(target, a)).join(', ')}`,
    );
    const result = spawnSync(npm, [...npmArgs, ...extraNpmArgs], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) return result.status ?? 1;
  }
  const problems = keyringBindingProblems(modules, target, arches);
  for (const problem of problems) console.error(`keyring bindings: ${problem}`);
  if (problems.length === 0)
    console.log(`keyring bindings: ${platform} ${arches.join(' + ')} present`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
