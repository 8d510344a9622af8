// electron-builder's afterPack hook (electron-builder.yml): runs once per platform and CPU after
// the app folder is assembled and before fuses, signing and installers. It fails the build when
// the packaged app lacks the keychain binding for the CPU it targets, or carries another CPU's,
// instead of shipping an app that cannot use the keychain (an Intel Mac build made on arm64).
import { join } from 'node:path';
import type { AfterPackContext } from 'electron-builder';
import {
  installCommand,
  keyringBindingProblems,
  pinnedBindingVersions,
  type TargetPlatform,
} from './keyring-binding.ts';

/**
 * electron-builder's Arch enum by value, in Node's names (armv7l is Node's arm). Written out so the
 * hook needs nothing from electron-builder at run time: it also runs from a copy of the project
 * (the packaged-app smoke test); test/build/package-scripts.test.ts compares it with the enum.
 */
export const ARCH_BY_BUILDER_VALUE = ['ia32', 'x64', 'arm', 'arm64', 'universal'] as const;

/** electron-builder's platform names → Node's; 'mas' is the Mac App Store build of darwin. */
function nodePlatform(electronPlatformName: string): TargetPlatform {
  if (electronPlatformName === 'mas') return 'darwin';
  if (electronPlatformName === 'darwin' || electronPlatformName === 'win32') {
    return electronPlatformName;
  }
  return 'linux';
}

export default function afterPack(context: AfterPackContext): void {
  const platform = nodePlatform(context.electronPlatformName);
  const archName = ARCH_BY_BUILDER_VALUE[context.arch] ?? `arch #${context.arch}`;
  // A universal Mac app carries both binaries (the loader picks one at run time).
  const arches = archName === 'universal' ? ['x64', 'arm64'] : [archName];
  const resources = context.packager.getResourcesDir(context.appOutDir);
  const problems = keyringBindingProblems(
    join(resources, 'app.asar.unpacked', 'node_modules'),
    platform,
    arches,
  );
  if (problems.length === 0) return;
  const projectModules = join(context.packager.projectDir, 'node_modules');
  const fix = installCommand(platform, arches, pinnedBindingVersions(projectModules)).join(' ');
  throw new Error(
    [
      `The ${platform} ${archName} package has no usable keychain binding: the app could not use the keychain.`,
      ...problems.map((problem) => `  - ${problem}`),
      `npm installs only this machine's binding. Add the target's before packaging:`,
      `  ${fix}`,
    ].join('\n'),
  );
}
