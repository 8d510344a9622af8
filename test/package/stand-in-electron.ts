// A stand-in for an unpacked Linux Electron, for electron-builder's `electronDist`: Electron's own
// binary cannot be downloaded here, and packaging needs only its layout. The `electron` file ends
// with Electron's fuse sentinel and a fuse wire in Electron's default state, so electron-builder
// flips real fuses and @electron/fuses reads them back.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses' SENTINEL: the fuse wire follows it in every Electron binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's defaults, by FuseV1Options index: RunAsNode on, cookie encryption off, NODE_OPTIONS
 * on, inspector flags on, asar integrity off, load-only-from-asar off, browser V8 snapshot off,
 * file:// privileges on, and a ninth fuse @electron/fuses does not name (left as it is).
 */
export const DEFAULT_FUSE_WIRE = '101100011';

export interface StandInElectron {
  dir: string;
  version: string;
}

/**
 * Writes the stand-in into `dir`. No `resources/default_app.asar`: electron-builder hashes every
 * asar in resources for the integrity fuse and fails on an empty one.
 */
export function createStandInElectron(dir: string, version: string): StandInElectron {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from('stand-in for the electron executable\n'),
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, DEFAULT_FUSE_WIRE.length]), // wire version 1, then its length
    Buffer.from(DEFAULT_FUSE_WIRE, 'ascii'),
  ]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'locales', 'en-US.pak'), 'stand-in locale\n');
  writeFileSync(join(dir, 'version'), version);
  return { dir, version };
}
