// The host's side of the built-in configuration: found next to the main bundle, absent is
// fine, anything else wrong stops the start with a message naming the file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInConfigPath, readBuiltInConfig } from '../../../main/app/built-in-config-file.ts';
import { isConfigError } from '../../../main/app/config-error.ts';

const root = mkdtempSync(join(tmpdir(), 'mt built-in '));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function bundleDir(name: string, text?: string): string {
  const dir = join(root, name, 'dist', 'main');
  mkdirSync(dir, { recursive: true });
  if (text !== undefined) writeFileSync(join(dir, 'app-config.json'), text);
  return dir;
}

describe('readBuiltInConfig', () => {
  it('reads app-config.json next to the main bundle, in a path with spaces', () => {
    const dir = bundleDir('with space', '{ "zoom": { "clientId": "Pkg_1" } }');
    const file = builtInConfigPath(dir);
    expect(file).toBe(join(dir, 'app-config.json'));
    expect(readBuiltInConfig(file)).toEqual({ file, zoom: { clientId: 'Pkg_1' } });
  });

  it('is null when the package has none', () => {
    expect(readBuiltInConfig(builtInConfigPath(bundleDir('none')))).toBeNull();
  });

  it('stops with a config error naming the file when it is not valid', () => {
    const file = builtInConfigPath(
      bundleDir('bad', '{ "zoom": { "clientId": "x", "clientSecret": "s" } }'),
    );
    const error = (() => {
      try {
        readBuiltInConfig(file);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(isConfigError(error)).toBe(true);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('client secret');
  });

  it('stops with a config error when it cannot be read', () => {
    // A folder where the file should be: unreadable as a file, even for root.
    const dir = bundleDir('unreadable');
    mkdirSync(builtInConfigPath(dir));
    expect(() => readBuiltInConfig(builtInConfigPath(dir))).toThrow(/cannot be read \(EISDIR/);
  });
});
