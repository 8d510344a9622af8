// The app's logger lands in the OS log folder Electron names, and Settings can open that folder.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installLogging } from '../../../../main/desktop/logging/install-logging.ts';
import { FakeApp } from '../../../fakes/electron/app.ts';
import { FakeShell } from '../../../fakes/electron/system.ts';

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'meeting-tray-user-data-'));
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

function setup() {
  const app = new FakeApp('/unused');
  app.paths.set('userData', userData);
  const shell = new FakeShell();
  return { app, shell, logging: installLogging({ app, shell }) };
}

describe('installLogging', () => {
  it('writes main.log in Electron’s logs folder', () => {
    const { logging } = setup();
    expect(logging.folder).toBe(`${userData}/logs`);
    logging.logger.warn('keychain unavailable; session-only mode', {
      code: 'keychain_unavailable',
    });
    const text = readFileSync(join(logging.folder, 'main.log'), 'utf8');
    expect(text).toContain('keychain unavailable; session-only mode');
    expect(text).toContain("code: 'keychain_unavailable'");
  });

  it('opens the logs folder, and reports the OS’s reason when it cannot', async () => {
    const { logging, shell } = setup();
    await logging.openFolder();
    expect(shell.openedPaths).toEqual([logging.folder]);
    shell.openPathAnswer = 'No application is associated with the specified file';
    await expect(logging.openFolder()).rejects.toThrow('No application is associated');
  });
});
