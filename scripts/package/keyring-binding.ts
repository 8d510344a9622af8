// The keychain's native binding (@napi-rs/keyring) ships one package per platform and CPU, and npm
// installs only the host's. A package for another CPU built from that node_modules has no binding
// and the app cannot reach the keychain. These checks name the package that is missing and the
// command that adds it, for `npm run dist` (after-pack.ts) and for CI (ensure-keyring-bindings.ts).
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { NATIVE_HEADER_BYTES, readNativeBinary } from './native-binary-arch.ts';

export type TargetPlatform = 'darwin' | 'linux' | 'win32';

export const KEYRING_PACKAGE = '@napi-rs/keyring';

/** The platform-and-ABI suffix @napi-rs/keyring's loader asks for (node_modules/@napi-rs/keyring/index.js). */
export function keyringBindingName(platform: TargetPlatform, arch: string): string {
  if (platform === 'darwin') return `darwin-${arch}`;
  if (platform === 'win32') return `win32-${arch}-msvc`;
  // Electron's Linux builds link glibc, so the gnu variant is the one Electron loads.
  return arch === 'arm' ? 'linux-arm-gnueabihf' : `linux-${arch}-gnu`;
}

export function keyringBindingPackage(platform: TargetPlatform, arch: string): string {
  return `${KEYRING_PACKAGE}-${keyringBindingName(platform, arch)}`;
}

/** The `.node` file's path inside a node_modules folder. */
export function keyringBindingFile(platform: TargetPlatform, arch: string): string {
  const name = keyringBindingName(platform, arch);
  return `${KEYRING_PACKAGE}-${name}/keyring.${name}.node`;
}

function readHeader(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const header = new Uint8Array(NATIVE_HEADER_BYTES);
    return header.subarray(0, readSync(fd, header, 0, header.byteLength, 0));
  } finally {
    closeSync(fd);
  }
}

/** The binding versions @napi-rs/keyring pins, by package name (its optionalDependencies). */
export function pinnedBindingVersions(nodeModulesDir: string): Record<string, string> {
  const manifest = join(nodeModulesDir, KEYRING_PACKAGE, 'package.json');
  if (!existsSync(manifest)) return {};
  const { optionalDependencies } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    optionalDependencies?: Record<string, string>;
  };
  return optionalDependencies ?? {};
}

/**
 * What is wrong with the bindings for these CPUs in a node_modules folder (the project's, or a
 * package's app.asar.unpacked/node_modules): missing, or built for another CPU. Empty = fine.
 */
export function keyringBindingProblems(
  nodeModulesDir: string,
  platform: TargetPlatform,
  arches: readonly string[],
): string[] {
  return arches.flatMap((arch) => {
    const file = join(nodeModulesDir, keyringBindingFile(platform, arch));
    if (!existsSync(file)) return [`${keyringBindingPackage(platform, arch)} is missing (${file})`];
    const binary = readNativeBinary(readHeader(file));
    if (!binary) return [`${file} is not a native binary`];
    if (!binary.arches.includes(arch))
      return [`${file} is built for ${binary.arches.join(' + ')}, not ${arch}`];
    return [];
  });
}

/** The npm command that adds these bindings to an installed tree (npm checks named packages against the host, hence --force). */
export function installCommand(
  platform: TargetPlatform,
  arches: readonly string[],
  versions: Record<string, string>,
): string[] {
  const packages = arches.map((arch) => {
    const name = keyringBindingPackage(platform, arch);
    const version = versions[name];
    if (!version) throw new Error(`${KEYRING_PACKAGE} has no binding for ${platform} ${arch}.`);
    return `${name}@${version}`;
  });
  return ['npm', 'install', '--no-save', '--force', '--no-audit', '--no-fund', ...packages];
}
