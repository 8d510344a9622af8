// A restored sign-in is held to today's configuration: the API base saved with the tokens is
// followed only where a token answer's api_url would be (the demo sandbox moves port each run).
import { describe, expect, it } from 'vitest';
import { serializeTokenSet } from '../../../../main/core/auth/token-set.ts';
import { providerVaultKey } from '../../../../main/core/auth/token-vault.ts';
import { createAuthFixture } from './auth-service.fixture.ts';

async function restoredWith(savedApiBaseUrl: string, keychainAccount?: string) {
  const f = createAuthFixture();
  const provider = { ...f.deps.provider, ...(keychainAccount ? { keychainAccount } : {}) };
  const restarted = createAuthFixture({
    secrets: f.secrets,
    overrides: { provider },
  });
  const now = restarted.clock.now();
  await f.secrets.set(
    providerVaultKey(provider),
    serializeTokenSet({
      accessToken: 'saved-access',
      refreshToken: 'saved-refresh',
      expiresAt: now + 3600_000,
      obtainedAt: now,
      apiBaseUrl: savedApiBaseUrl,
    }),
  );
  await restarted.auth.restore();
  return restarted;
}

describe('restore', () => {
  it('sends the saved token to the configured API when the saved base is elsewhere', async () => {
    const restarted = await restoredWith('http://127.0.0.1:41234/v2', 'oauth-tokens:demo');
    expect(restarted.auth.status()).toMatchObject({ kind: 'signed-in' });
    await expect(restarted.auth.getAccessToken()).resolves.toEqual({
      accessToken: 'saved-access',
      apiBaseUrl: 'https://api.example.test/v2',
    });
    expect(restarted.endpoint.counts.token).toBe(0);
  });

  it('keeps a saved base on the configured origin', async () => {
    const restarted = await restoredWith('https://api.example.test/v2');
    await expect(restarted.auth.getAccessToken()).resolves.toMatchObject({
      apiBaseUrl: 'https://api.example.test/v2',
    });
  });

  it('reads the tokens from the account the provider names, when it names one', async () => {
    const restarted = await restoredWith('https://api.example.test/v2', 'oauth-tokens:demo');
    expect(await restarted.secrets.get('oauth-tokens:demo')).not.toBeNull();
    expect(restarted.auth.status()).toMatchObject({ kind: 'signed-in' });
  });
});
