// The @napi-rs/keyring adapter against the real OS keychain (gnome-keyring in tests).
import { describe, expect, it } from 'vitest';
import { createTestKeychain } from '../../helpers/auth-harness.ts';

describe('keychain adapter (real keychain)', () => {
  it('round-trips a 5 KB value in chunks and deletes every entry', async () => {
    const keychain = createTestKeychain();
    const value = JSON.stringify({ accessToken: 'a'.repeat(2500), refreshToken: 'r'.repeat(2500) });
    await keychain.secrets.set('oauth-tokens', value);
    expect(await keychain.secrets.get('oauth-tokens')).toBe(value);
    const accounts = await keychain.entries();
    expect(accounts.length).toBeGreaterThan(5);
    await keychain.secrets.set('oauth-tokens', 'small now');
    expect(await keychain.entries()).toEqual(['oauth-tokens']);
    await keychain.secrets.delete('oauth-tokens');
    expect(await keychain.entries()).toEqual([]);
    expect(await keychain.secrets.get('oauth-tokens')).toBeNull();
  });

  it('deleting a missing entry is not an error', async () => {
    const keychain = createTestKeychain();
    await expect(keychain.secrets.delete('never-written')).resolves.toBeUndefined();
  });
});
