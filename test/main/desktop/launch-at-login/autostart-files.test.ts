// The Linux autostart adapter on the real file system, in a temporary home.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAutostartFiles } from '../../../../main/desktop/launch-at-login/autostart-files.ts';

const homes: string[] = [];
afterEach(async () => {
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
});

async function tempHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'mt-autostart-'));
  homes.push(home);
  return home;
}

describe('autostart files', () => {
  it('creates missing folders, writes UTF-8 text, sees it, and removes it', async () => {
    const files = createAutostartFiles();
    const dir = join(await tempHome(), '.config', 'autostart');
    const path = join(dir, 'meeting-tray.desktop');
    expect(await files.exists(path)).toBe(false);
    await files.makeDir(dir);
    expect((await stat(dir)).isDirectory()).toBe(true);
    await files.writeFile(path, 'Name=Meeting Tray — ünïcode\n');
    expect(await readFile(path, 'utf8')).toBe('Name=Meeting Tray — ünïcode\n');
    expect(await files.exists(path)).toBe(true);
    await files.removeFile(path);
    expect(await files.exists(path)).toBe(false);
  });

  it('makes a folder that already exists without complaint, and removes a missing file quietly', async () => {
    const files = createAutostartFiles();
    const home = await tempHome();
    await expect(files.makeDir(home)).resolves.toBeUndefined();
    await expect(files.removeFile(join(home, 'never-written.desktop'))).resolves.toBeUndefined();
  });

  it('replaces an older entry rather than appending to it', async () => {
    const files = createAutostartFiles();
    const path = join(await tempHome(), 'meeting-tray.desktop');
    await files.writeFile(path, 'Exec=/old/path --hidden\n');
    await files.writeFile(path, 'Exec=/new/path --hidden\n');
    expect(await readFile(path, 'utf8')).toBe('Exec=/new/path --hidden\n');
  });
});
