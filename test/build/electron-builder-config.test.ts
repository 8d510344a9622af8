import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  extraResources: Array<{ from: string; to: string; filter: string[] }>;
  afterPack: string;
  protocols: unknown;
  electronFuses: Record<string, boolean>;
  mac: {
    target: unknown;
    hardenedRuntime: boolean;
    notarize: boolean;
    icon: string;
    entitlements: string;
    entitlementsInherit: string;
  };
  win: { target: Array<{ target: string }>; icon: string };
  linux: {
    target: string[];
    mimeTypes: string[];
    icon: string;
    desktop: { entry: Record<string, string> };
  };
}
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const schema = JSON.parse(
  readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;
// Same options as app-builder-lib/out/util/config/schemaValidator.js, minus type coercion.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema (validated the way electron-builder does)', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check does catch mistakes', () => {
    expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }),
    ).toBe(false);
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntime: 'yes' } })).toBe(false);
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.meetingtray.desktop');
    expect(config.productName).toBe('Meeting Tray');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packages only the build output (no source maps, no harness bridge) and package.json', () => {
    expect(config.files).toEqual([
      'dist/**',
      '!dist/**/*.map',
      '!dist/web-preload/**',
      'package.json',
    ]);
  });

  it('copies the tray and window icons to resources/assets, where the app reads them', () => {
    expect(config.extraResources).toEqual([
      { from: 'assets', to: 'assets', filter: ['tray*', 'icon.png', 'icon.ico'] },
    ]);
  });

  it('runs the keychain-binding guard after packing each platform and CPU', () => {
    expect(config.afterPack).toBe('./scripts/package/after-pack.ts');
    expect(existsSync(join(root, config.afterPack))).toBe(true);
  });

  it('registers the meetingtray:// protocol everywhere, with the Linux MIME type', () => {
    expect(config.protocols).toEqual([{ name: 'Meeting Tray', schemes: ['meetingtray'] }]);
    expect(config.linux.mimeTypes).toContain('x-scheme-handler/meetingtray');
    expect(config.linux.desktop.entry.MimeType).toBe('x-scheme-handler/meetingtray;');
  });

  it('builds dmg + zip for both Mac architectures with hardened runtime, NSIS, AppImage and deb', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('points at files that exist, and the entitlements grant nothing beyond JIT', () => {
    for (const path of [
      config.mac.icon,
      config.win.icon,
      config.linux.icon,
      config.mac.entitlements,
      config.mac.entitlementsInherit,
    ]) {
      expect(existsSync(join(root, path)), path).toBe(true);
    }
    const plist = readFileSync(join(root, config.mac.entitlements), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/gu)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });
});

describe('icons in assets/', () => {
  const pngSize = (file: string) => {
    const bytes = readFileSync(join(root, 'assets', file));
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    return [bytes.readUInt32BE(16), bytes.readUInt32BE(20), bytes[25]] as const; // width, height, colour type
  };

  it('has real PNG tray icons in the right sizes, macOS templates black with alpha', () => {
    expect(pngSize('trayTemplate.png')).toEqual([16, 16, 6]);
    expect(pngSize('trayTemplate@2x.png')).toEqual([32, 32, 6]);
    expect(pngSize('tray-on-light.png')).toEqual([32, 32, 6]);
    expect(pngSize('tray-on-dark.png')).toEqual([32, 32, 6]);
    expect(pngSize('icon.png')[0]).toBeGreaterThanOrEqual(512);
  });

  it('has ICO files for Windows', () => {
    for (const file of ['tray-on-light.ico', 'tray-on-dark.ico', 'icon.ico']) {
      const bytes = readFileSync(join(root, 'assets', file));
      expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)], file).toEqual([0, 1]);
      expect(bytes.readUInt16LE(4), file).toBeGreaterThanOrEqual(2);
    }
  });
});
