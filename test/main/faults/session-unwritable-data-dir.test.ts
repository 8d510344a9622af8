// Issue item 5: an unwritable data directory made a successful sign-in look failed and hid all
// data. Now the session works from memory, says settings cannot be saved, and writes nothing.
// The data folder's parent is a FILE, which refuses writes even to root (CI runs as root, where
// a chmod 0o500 folder would still be writable).
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingTrayCore } from '../../../main/core/meeting-tray-core.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createJsonFileSettingsStore } from '../../../main/node/json-file-settings-store.ts';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.ts';
import { createTestKeychain } from '../../helpers/auth-harness.ts';
import { isLoaded, startCore, waitForState } from '../integration/session-sandbox-kit.ts';

let clock: FakeClock;
let sandbox: ZoomSandbox;
const cores: MeetingTrayCore[] = [];
const scratch: string[] = [];

beforeAll(async () => {
  clock = createFakeClock(Date.now());
  sandbox = await startZoomSandbox({ now: () => clock.now(), rateLimits: false });
});
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.shutdown(5_000)));
  for (const dir of scratch.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});
afterAll(async () => {
  await sandbox.close();
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-tray-unwritable-'));
  scratch.push(dir);
  return dir;
}

/** Every file under `dir` with its content. */
function filesUnder(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      found[path.slice(dir.length + 1)] = readFileSync(path, 'utf8');
    }
  }
  return found;
}

async function signInWith(settingsPath: string, keychain = createTestKeychain()) {
  const { core, logger } = startCore({
    sandbox,
    clock,
    secrets: keychain.secrets,
    settings: createJsonFileSettingsStore(settingsPath),
  });
  cores.push(core);
  await core.session.start();
  return { core, keychain, logger };
}

describe('an unwritable data directory', () => {
  it('signs in, shows the data, says settings cannot be saved, and writes nothing to disk', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data'), 'a file where the data folder should be');
    const settingsPath = join(dir, 'data', 'settings.json');
    const { core, keychain, logger } = await signInWith(settingsPath);

    await expect(core.session.signIn()).resolves.toBeUndefined();
    const loaded = await waitForState(core.session, isLoaded);
    expect(loaded).toMatchObject({
      kind: 'signed-in',
      profile: { displayName: 'Ada Okafor' },
      settingsUnsaved: { code: 'settings_unwritable' },
    });
    expect(loaded.kind === 'signed-in' && loaded.meetings.length).toBeGreaterThan(5);
    await expect(core.session.refresh()).resolves.toBeUndefined();
    expect(core.auth.status().kind).toBe('signed-in');

    // The tokens went to the keychain, nothing went to the data folder.
    await core.auth.drain(5_000);
    expect(await keychain.entries()).not.toHaveLength(0);
    expect(filesUnder(dir)).toEqual({ data: 'a file where the data folder should be' });
    expect(logger.text()).toMatch(/"error":"(EEXIST|ENOTDIR)"/);

    // A restart on the same broken folder is still signed in, from the keychain.
    await core.shutdown(5_000);
    const again = await signInWith(settingsPath, keychain);
    const restored = await waitForState(again.core.session, isLoaded);
    expect(restored).toMatchObject({ kind: 'signed-in', profile: { displayName: 'Ada Okafor' } });
  });
});
