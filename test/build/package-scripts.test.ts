// The packaging scripts' decisions, without packaging: which CPU a native binary is for, which
// keychain binding each target needs and what to do when it is missing (the afterPack guard),
// the client ID baked into dist/main/app-config.json, and how `npm run dist` signs macOS builds.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Arch, type AfterPackContext } from 'electron-builder';
import { normalizeOptions } from 'electron-builder/out/builder.js';
import { describe, expect, it } from 'vitest';
import { readBuiltInConfig } from '../../main/app/built-in-config-file.ts';
import afterPack, { ARCH_BY_BUILDER_VALUE } from '../../scripts/package/after-pack.ts';
import { bakedAppConfig, writeAppConfig } from '../../scripts/package/app-config.ts';
import { AD_HOC_MAC, distPlan, type DistHost } from '../../scripts/package/dist.ts';
import {
  installCommand,
  keyringBindingFile,
  keyringBindingName,
  keyringBindingProblems,
  pinnedBindingVersions,
  type TargetPlatform,
} from '../../scripts/package/keyring-binding.ts';
import { readNativeBinary } from '../../scripts/package/native-binary-arch.ts';

const root = join(import.meta.dirname, '../..');

// --- headers, as the formats define them --------------------------------------------------

function elf(machine: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1]); // ELF, 64-bit, little-endian
  new DataView(bytes.buffer).setUint16(18, machine, true);
  return bytes;
}

function machO(cpu: number): Uint8Array {
  const bytes = new Uint8Array(32);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xfeedfacf, true);
  view.setUint32(4, cpu, true);
  return bytes;
}

function universal(...cpus: number[]): Uint8Array {
  const bytes = new Uint8Array(8 + cpus.length * 20);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xcafebabe, false);
  view.setUint32(4, cpus.length, false);
  cpus.forEach((cpu, i) => view.setUint32(8 + i * 20, cpu, false));
  return bytes;
}

function pe(machine: number): Uint8Array {
  const bytes = new Uint8Array(0x100);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x5a]);
  view.setUint32(0x3c, 0x80, true);
  view.setUint32(0x80, 0x50450000, false);
  view.setUint16(0x84, machine, true);
  return bytes;
}

describe('readNativeBinary', () => {
  it('reads the CPU of ELF, Mach-O (thin and universal) and PE files', () => {
    expect(readNativeBinary(elf(0x3e))).toEqual({ format: 'elf', arches: ['x64'] });
    expect(readNativeBinary(elf(0xb7))).toEqual({ format: 'elf', arches: ['arm64'] });
    expect(readNativeBinary(machO(0x0100000c))).toEqual({ format: 'mach-o', arches: ['arm64'] });
    expect(readNativeBinary(machO(0x01000007))).toEqual({ format: 'mach-o', arches: ['x64'] });
    expect(readNativeBinary(universal(0x01000007, 0x0100000c))).toEqual({
      format: 'mach-o',
      arches: ['x64', 'arm64'],
    });
    expect(readNativeBinary(pe(0x8664))).toEqual({ format: 'pe', arches: ['x64'] });
    expect(readNativeBinary(pe(0xaa64))).toEqual({ format: 'pe', arches: ['arm64'] });
  });

  it('names CPUs it does not know instead of guessing, and refuses what is not a binary', () => {
    expect(readNativeBinary(elf(0x08))).toEqual({ format: 'elf', arches: ['unknown(0x8)'] });
    expect(readNativeBinary(new TextEncoder().encode('module.exports = {};\n'))).toBeNull();
    expect(readNativeBinary(elf(0x3e).subarray(0, 10))).toBeNull();
  });

  it('reads this machine’s installed keychain binding as this machine’s CPU', () => {
    const platform = process.platform as TargetPlatform;
    const file = join(root, 'node_modules', keyringBindingFile(platform, process.arch));
    expect(readNativeBinary(readFileSync(file))?.arches).toContain(process.arch);
  });
});

describe('keychain bindings', () => {
  it('names the package @napi-rs/keyring loads on each platform', () => {
    expect(keyringBindingName('darwin', 'arm64')).toBe('darwin-arm64');
    expect(keyringBindingName('win32', 'x64')).toBe('win32-x64-msvc');
    expect(keyringBindingName('linux', 'arm64')).toBe('linux-arm64-gnu');
    expect(keyringBindingName('linux', 'arm')).toBe('linux-arm-gnueabihf');
    expect(keyringBindingFile('linux', 'x64')).toBe(
      '@napi-rs/keyring-linux-x64-gnu/keyring.linux-x64-gnu.node',
    );
    // Every name is one @napi-rs/keyring really publishes.
    const published = Object.keys(pinnedBindingVersions(join(root, 'node_modules')));
    for (const [platform, arch] of [
      ['darwin', 'x64'],
      ['darwin', 'arm64'],
      ['win32', 'x64'],
      ['win32', 'arm64'],
      ['linux', 'x64'],
      ['linux', 'arm64'],
    ] as const) {
      expect(published).toContain(`@napi-rs/keyring-${keyringBindingName(platform, arch)}`);
    }
  });

  function modulesWith(files: Record<string, Uint8Array>): string {
    const dir = mkdtempSync(join(tmpdir(), 'mt-bindings-'));
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }
    return dir;
  }

  it('finds nothing wrong when each CPU has its own binding', () => {
    const dir = modulesWith({
      [keyringBindingFile('darwin', 'x64')]: machO(0x01000007),
      [keyringBindingFile('darwin', 'arm64')]: machO(0x0100000c),
    });
    expect(keyringBindingProblems(dir, 'darwin', ['x64', 'arm64'])).toEqual([]);
  });

  it('reports a missing binding and one built for another CPU', () => {
    const dir = modulesWith({ [keyringBindingFile('linux', 'arm64')]: elf(0x3e) });
    const problems = keyringBindingProblems(dir, 'linux', ['x64', 'arm64']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^@napi-rs\/keyring-linux-x64-gnu is missing/u);
    expect(problems[1]).toMatch(/keyring\.linux-arm64-gnu\.node is built for x64, not arm64$/u);
  });

  it('says how to add a binding, at the version @napi-rs/keyring pins', () => {
    const versions = pinnedBindingVersions(join(root, 'node_modules'));
    const pinned = versions['@napi-rs/keyring-darwin-x64'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/u);
    expect(installCommand('darwin', ['x64'], versions)).toEqual([
      'npm',
      'install',
      '--no-save',
      '--force',
      '--no-audit',
      '--no-fund',
      `@napi-rs/keyring-darwin-x64@${pinned}`,
    ]);
    expect(() => installCommand('linux', ['mips'], versions)).toThrow(/no binding for linux mips/u);
  });
});

describe('the afterPack guard', () => {
  it('knows electron-builder’s Arch values', () => {
    const byValue = Object.entries(Arch).filter(([, value]) => typeof value === 'number');
    expect(byValue.length).toBe(ARCH_BY_BUILDER_VALUE.length);
    for (const [name, value] of byValue)
      expect(ARCH_BY_BUILDER_VALUE[value as number]).toBe(name === 'armv7l' ? 'arm' : name);
  });

  /** The slice of electron-builder's context the hook reads. */
  function packContext(appOutDir: string, arch: Arch, electronPlatformName: string) {
    const packager = { projectDir: root, getResourcesDir: (dir: string) => join(dir, 'resources') };
    return { appOutDir, arch, electronPlatformName, packager } as unknown as AfterPackContext;
  }

  it('passes a package that carries its CPU’s binding', () => {
    const out = mkdtempSync(join(tmpdir(), 'mt-afterpack-'));
    const file = join(
      out,
      'resources/app.asar.unpacked/node_modules',
      keyringBindingFile('linux', 'arm64'),
    );
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, elf(0xb7));
    expect(() => afterPack(packContext(out, Arch.arm64, 'linux'))).not.toThrow();
  });

  it('fails the build loudly when the binding is missing, with the command that fixes it', () => {
    const out = mkdtempSync(join(tmpdir(), 'mt-afterpack-'));
    expect(() => afterPack(packContext(out, Arch.x64, 'darwin'))).toThrow(
      /darwin x64 package has no usable keychain binding[\s\S]*@napi-rs\/keyring-darwin-x64 is missing[\s\S]*npm install --no-save --force --no-audit --no-fund @napi-rs\/keyring-darwin-x64@\d/u,
    );
  });

  it('requires both Mac bindings in a universal build', () => {
    const out = mkdtempSync(join(tmpdir(), 'mt-afterpack-'));
    const file = join(
      out,
      'resources/app.asar.unpacked/node_modules',
      keyringBindingFile('darwin', 'arm64'),
    );
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, machO(0x0100000c));
    expect(() => afterPack(packContext(out, Arch.universal, 'darwin'))).toThrow(
      /keyring-darwin-x64 is missing/u,
    );
  });
});

describe('the client ID built into a package', () => {
  const env = {
    ZOOM_CLIENT_ID: 'pkce-client.1',
    ZOOM_OAUTH_BASE: 'http://127.0.0.1:4321',
    ZOOM_API_BASE: 'http://127.0.0.1:4321/v2',
  };

  it('writes what the app reads back, and never a secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mt-app-config-'));
    const written = writeAppConfig(dir, { ...env, ZOOM_CLIENT_SECRET: 'top-secret-value' });
    expect(written.config).toEqual({
      zoom: {
        clientId: 'pkce-client.1',
        oauthBase: env.ZOOM_OAUTH_BASE,
        apiBase: env.ZOOM_API_BASE,
      },
    });
    const text = readFileSync(written.file, 'utf8');
    expect(text).not.toContain('top-secret-value');
    expect(text).not.toMatch(/secret/iu);
    expect(written.notes.join('\n')).toMatch(/ZOOM_CLIENT_SECRET is not built into the package/u);
    expect(readBuiltInConfig(written.file)?.zoom).toEqual(written.config?.zoom);
  });

  it('writes only the client ID when the bases are Zoom’s defaults', () => {
    expect(bakedAppConfig({ ZOOM_CLIENT_ID: ' abc ' })).toEqual({ zoom: { clientId: 'abc' } });
  });

  it('without ZOOM_CLIENT_ID removes an earlier file, so the package starts in demo mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mt-app-config-'));
    const first = writeAppConfig(dir, env);
    expect(existsSync(first.file)).toBe(true);
    const second = writeAppConfig(dir, {});
    expect(second.config).toBeNull();
    expect(existsSync(first.file)).toBe(false);
  });

  it('refuses what the app would refuse, before packaging, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mt-app-config-'));
    expect(() => writeAppConfig(dir, { ZOOM_CLIENT_ID: 'has spaces in it' })).toThrow(/clientId/u);
    expect(() => writeAppConfig(dir, { ...env, ZOOM_OAUTH_BASE: 'http://zoom.example' })).toThrow(
      /oauthBase[\s\S]*https/u,
    );
    expect(() => bakedAppConfig({ ZOOM_API_BASE: 'https://api.zoom.us/v2' })).toThrow(
      /ZOOM_API_BASE is set but ZOOM_CLIENT_ID is not/u,
    );
  });

  it("bakes Fathom's OAuth client, secret included, as the app reads it back", () => {
    const dir = mkdtempSync(join(tmpdir(), 'mt-app-config-'));
    const fathom = { FATHOM_CLIENT_ID: 'fathom-app-1', FATHOM_CLIENT_SECRET: 'fathom-secret-1' };
    const written = writeAppConfig(dir, { ...env, ...fathom, FATHOM_REDIRECT_PORT: '53690' });
    expect(readBuiltInConfig(written.file)?.fathom).toMatchObject({
      clientId: 'fathom-app-1',
      clientSecret: 'fathom-secret-1',
      redirectPort: 53690,
    });
    expect(written.notes.join('\n')).toMatch(/anyone with the package can read it/u);
    expect(() => writeAppConfig(dir, { ...env, FATHOM_CLIENT_ID: 'fathom-app-1' })).toThrow(
      /FATHOM_CLIENT_ID and FATHOM_CLIENT_SECRET together/u,
    );
    expect(() => writeAppConfig(dir, { ...env, ...fathom, FATHOM_REDIRECT_PORT: '80' })).toThrow(
      /port/iu,
    );
    expect(() => bakedAppConfig(fathom)).toThrow(/FATHOM_CLIENT_ID is set but ZOOM_CLIENT_ID/u);
  });
});

describe('npm run dist', () => {
  const linuxHost: DistHost = { platform: 'linux', hasSigningIdentity: () => false };
  const macHost = (identity: boolean): DistHost => ({
    platform: 'darwin',
    hasSigningIdentity: () => identity,
  });
  const finalConfig = (argv: string[], env: Record<string, string>, host: DistHost) => {
    const plan = distPlan(argv, env, host);
    return { mac: plan.mac, config: normalizeOptions(plan.options).config };
  };

  it('signs a macOS build ad hoc when no certificate is given or found', () => {
    expect(finalConfig(['--mac', '--x64', '--arm64'], {}, macHost(false))).toEqual({
      mac: 'ad-hoc',
      config: AD_HOC_MAC,
    });
    // Building on the Mac itself with no platform flag is a macOS build too.
    expect(finalConfig([], { CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, macHost(true)).mac).toBe(
      'ad-hoc',
    );
  });

  it('leaves signing to electron-builder when there is a certificate', () => {
    expect(finalConfig(['--mac'], { CSC_LINK: 'cert.p12' }, macHost(false))).toEqual({
      mac: 'certificate',
      config: undefined,
    });
    expect(finalConfig(['--mac'], {}, macHost(true)).mac).toBe('certificate');
  });

  it('does not touch other platforms, and a -c option on the command line still wins', () => {
    expect(finalConfig(['--linux', 'dir', '-c.electronDist=/x'], {}, linuxHost)).toEqual({
      mac: null,
      config: { electronDist: '/x' },
    });
    const explicit = finalConfig(['--mac', '-c.mac.identity=null'], {}, macHost(false));
    expect(explicit.config).toMatchObject({ mac: { identity: null, hardenedRuntime: false } });
  });

  it('takes only options electron-builder knows', () => {
    expect(() => distPlan(['--linux', '--not-an-option'], {}, linuxHost)).toThrow(
      /Unknown argument: not-an-option/u,
    );
  });
});
