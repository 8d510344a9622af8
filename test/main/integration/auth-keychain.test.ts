// The @napi-rs/keyring adapter against the real OS keychain (gnome-keyring in tests).
import { randomUUID } from 'node:crypto';
import { findCredentialsAsync } from '@napi-rs/keyring';
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../../../main/core/ports.ts';
import { createChunkedSecretStore } from '../../../main/core/secrets/chunked-secret-store.ts';
import { createKeyringSecretStore } from '../../../main/node/keyring-secret-store.ts';
import { createTestKeychain } from '../../helpers/auth-harness.ts';

/** A keychain service of its own, laid out as on `platform`, with every call counted. */
const newService = () =>
  `${process.env.MEETING_TRAY_KEYCHAIN_SERVICE ?? 'Meeting Tray Test'} ${randomUUID()}`;

function keychainAs(platform: NodeJS.Platform, service = newService()) {
  const raw = createKeyringSecretStore({ service, platform });
  const calls: string[] = [];
  const counted: SecretStore & { entryLimitChars: number | null } = {
    entryLimitChars: raw.entryLimitChars,
    get: (key) => (calls.push('get'), raw.get(key)),
    set: (key, value) => (calls.push('set'), raw.set(key, value)),
    delete: (key) => (calls.push('delete'), raw.delete(key)),
  };
  return {
    secrets: createChunkedSecretStore(counted),
    calls,
    entries: async () => (await findCredentialsAsync(service)).map((c) => c.account).sort(),
  };
}

const tokenSized = () =>
  JSON.stringify({ accessToken: randomUUID().repeat(20), refreshToken: randomUUID().repeat(20) });

describe('keychain adapter (real keychain)', () => {
  it('on Linux and macOS a token record is one entry, and a rewrite is one call', async () => {
    const keychain = keychainAs('linux');
    const first = tokenSized();
    expect(first.length).toBeGreaterThan(1_000);
    expect(await keychain.secrets.get('oauth-tokens')).toBeNull(); // the restore at start
    await keychain.secrets.set('oauth-tokens', first);
    expect(await keychain.entries()).toEqual(['oauth-tokens']);
    keychain.calls.length = 0;
    const rotated = tokenSized();
    await keychain.secrets.set('oauth-tokens', rotated);
    expect(keychain.calls).toEqual(['set']);
    expect(await keychain.secrets.get('oauth-tokens')).toBe(rotated);
    await keychain.secrets.delete('oauth-tokens');
    expect(await keychain.entries()).toEqual([]);
  });

  it('on Windows a 5 KB value is split into chunks and every entry is deleted', async () => {
    const keychain = keychainAs('win32');
    const value = JSON.stringify({ accessToken: 'a'.repeat(2500), refreshToken: 'r'.repeat(2500) });
    await keychain.secrets.set('oauth-tokens', value);
    expect(await keychain.secrets.get('oauth-tokens')).toBe(value);
    expect((await keychain.entries()).length).toBeGreaterThan(5);
    await keychain.secrets.set('oauth-tokens', 'small now');
    expect(await keychain.entries()).toEqual(['oauth-tokens']);
    await keychain.secrets.delete('oauth-tokens');
    expect(await keychain.entries()).toEqual([]);
    expect(await keychain.secrets.get('oauth-tokens')).toBeNull();
  });

  it('on Windows a rotation reads once and writes three times before its commit', async () => {
    const keychain = keychainAs('win32');
    await keychain.secrets.set('oauth-tokens', tokenSized());
    keychain.calls.length = 0;
    await keychain.secrets.set('oauth-tokens', tokenSized());
    const commit = keychain.calls.lastIndexOf('set');
    // get manifest, set pending marker, set 2 chunks, set manifest (the commit), then cleanup
    expect(keychain.calls.slice(0, commit)).toEqual(['get', 'set', 'set', 'set']);
  });

  it('a record chunked by an earlier version is read, then rewritten as one entry', async () => {
    const service = newService();
    const value = tokenSized();
    await keychainAs('win32', service).secrets.set('oauth-tokens', value); // as before the update
    const updated = keychainAs('linux', service);
    expect((await updated.entries()).length).toBeGreaterThan(1);
    expect(await updated.secrets.get('oauth-tokens')).toBe(value);
    const rotated = tokenSized();
    await updated.secrets.set('oauth-tokens', rotated);
    expect(await updated.entries()).toEqual(['oauth-tokens']);
    expect(await keychainAs('linux', service).secrets.get('oauth-tokens')).toBe(rotated);
    await updated.secrets.delete('oauth-tokens');
  });

  it('deleting a missing entry is not an error', async () => {
    const keychain = createTestKeychain();
    await expect(keychain.secrets.delete('never-written')).resolves.toBeUndefined();
  });
});
