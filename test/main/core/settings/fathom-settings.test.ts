// Where Fathom's OAuth client comes from, how Settings saves it (the secret in the keychain
// only), and the packaged configuration's optional Fathom section.
import { describe, expect, it } from 'vitest';
import type { AuthProviderConfig } from '../../../../main/core/config/auth-config.types.ts';
import { parseBuiltInConfig } from '../../../../main/core/config/built-in-config.ts';
import { fathomProviderConfig } from '../../../../main/core/config/fathom-provider-config.ts';
import {
  FATHOM_CLIENT_SECRET_KEY,
  FATHOM_OAUTH_SETTING,
  createFathomAccountStore,
} from '../../../../main/core/settings/fathom-account-store.ts';
import {
  readFathomEnv,
  resolveFathomOAuth,
} from '../../../../main/core/settings/fathom-oauth-config.ts';
import { createFathomSettings } from '../../../../main/core/settings/fathom-settings.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import {
  createMemorySecretStore,
  createMemorySettingsStore,
} from '../../../fakes/memory-stores.ts';

const ENV = { FATHOM_CLIENT_ID: 'envClient', FATHOM_CLIENT_SECRET: 'envSecret' };
const builtIn = {
  fields: { clientId: 'pkgClient', clientSecret: 'pkgSecret', redirectPort: 50000 },
  names: {
    clientId: 'fathom.clientId',
    clientSecret: 'fathom.clientSecret',
    redirectPort: 'fathom.redirectPort',
    oauthBase: 'fathom.oauthBase',
    apiBase: 'fathom.apiBase',
  },
};
const demo = fathomProviderConfig({ clientId: 'demo', clientSecret: 'demoSecret' });

describe('which Fathom app is used', () => {
  it('Settings, then the environment, then the package, then the demo, then none', () => {
    const saved = { clientId: 'mine', clientSecret: 'mySecret', redirectPort: 51000 };
    const all = { env: ENV, saved, builtIn, demo };
    expect(resolveFathomOAuth(all)).toMatchObject({ source: 'settings', redirectPort: 51000 });
    expect(resolveFathomOAuth(all).provider?.client).toMatchObject({ clientId: 'mine' });
    expect(resolveFathomOAuth({ ...all, saved: null })).toMatchObject({
      source: 'environment',
      redirectPort: 53682,
    });
    expect(resolveFathomOAuth({ ...all, saved: null, env: {} })).toMatchObject({
      source: 'built-in',
      redirectPort: 50000,
    });
    expect(resolveFathomOAuth({ env: {}, saved: null, builtIn: null, demo })).toMatchObject({
      source: 'demo',
      provider: demo,
    });
    expect(resolveFathomOAuth({ env: {}, saved: null, builtIn: null, demo: null })).toEqual({
      source: 'none',
      provider: null,
      redirectPort: 53682,
    });
  });

  it('the chosen client is a confidential Fathom client on its fixed loopback port', () => {
    const { provider } = resolveFathomOAuth({
      env: { ...ENV, FATHOM_REDIRECT_PORT: '54000' },
      saved: null,
      builtIn: null,
      demo: null,
    });
    expect(provider).toMatchObject({
      client: { clientId: 'envClient', clientSecret: 'envSecret' },
      redirect: { kind: 'loopback', port: 54000, path: '/fathom/callback' },
      scope: 'public_api',
      keychainAccount: 'fathom:envClient',
      server: { token_endpoint: 'https://fathom.video/external/v1/oauth2/token' },
    });
  });

  it.each([
    [{ FATHOM_CLIENT_SECRET: 'x' }, /FATHOM_CLIENT_ID/],
    [{ FATHOM_REDIRECT_PORT: '5000' }, /FATHOM_CLIENT_ID/],
    [{ FATHOM_CLIENT_ID: 'abc' }, /FATHOM_CLIENT_SECRET is empty/],
    [{ ...ENV, FATHOM_REDIRECT_PORT: 'eighty' }, /FATHOM_REDIRECT_PORT must be a whole number/],
    [{ ...ENV, FATHOM_REDIRECT_PORT: '80' }, /FATHOM_REDIRECT_PORT/],
    [{ ...ENV, FATHOM_CLIENT_ID: 'a b' }, /FATHOM_CLIENT_ID has characters/],
    [{ ...ENV, FATHOM_OAUTH_BASE: 'http://fathom.example' }, /FATHOM_OAUTH_BASE/],
  ])('a wrong environment %j stops with config_invalid naming the variable', (env, message) => {
    expect(() => resolveFathomOAuth({ env, saved: null, builtIn: null, demo: null })).toThrow(
      expect.objectContaining({ code: 'config_invalid', message: expect.stringMatching(message) }),
    );
  });

  it('no FATHOM_CLIENT_ID: the environment names no client', () => {
    expect(readFathomEnv({})).toBeNull();
  });
});

describe('the packaged configuration', () => {
  const zoom = { clientId: 'zoomClient' };
  it('may carry a Fathom client with its secret; the port defaults', () => {
    const parsed = parseBuiltInConfig(
      JSON.stringify({ zoom, fathom: { clientId: 'pkg', clientSecret: 'pkgSecret' } }),
      '/app/app-config.json',
    );
    expect(parsed.fathom).toEqual({
      clientId: 'pkg',
      clientSecret: 'pkgSecret',
      redirectPort: 53682,
    });
    expect(parseBuiltInConfig(JSON.stringify({ zoom }), 'f').fathom).toBeUndefined();
  });

  it.each([
    [{ clientId: 'pkg' }, /"fathom.clientSecret" that is not text/],
    [{ clientId: 'pkg', clientSecret: 's', extra: 1 }, /unknown field "fathom.extra"/],
    [
      { clientId: 'pkg', clientSecret: 's', redirectPort: '1' },
      /"fathom.redirectPort" that is not a number/,
    ],
    [
      { clientId: 'pkg', clientSecret: 's', redirectPort: 70000 },
      /"fathom.redirectPort" in \/a.json/,
    ],
    ['x', /"fathom" that must look like/],
  ])('refuses %j naming the file and the field', (fathom, message) => {
    expect(() => parseBuiltInConfig(JSON.stringify({ zoom, fathom }), '/a.json')).toThrow(
      expect.objectContaining({ code: 'config_invalid', message: expect.stringMatching(message) }),
    );
  });
});

describe('saving the Fathom app in Settings', () => {
  function setup() {
    const secrets = createMemorySecretStore();
    const settings = createMemorySettingsStore();
    const store = createFathomAccountStore({ settings, secrets, logger: createCapturingLogger() });
    const switched: Array<AuthProviderConfig | null> = [];
    const initial = resolveFathomOAuth({ env: {}, saved: null, builtIn: null, demo: null });
    const fathom = createFathomSettings({
      store,
      sources: { env: {}, builtIn: null, demo: null },
      initial,
      connection: {
        mode: () => null,
        setOAuthProvider: async (provider) => void switched.push(provider),
        subscribe: () => () => undefined,
      },
      logger: createCapturingLogger(),
    });
    return { secrets, settings, fathom, switched };
  }

  it('keeps the secret in the keychain only, and switches the connection to the new client', async () => {
    const { secrets, settings, fathom, switched } = setup();
    expect(fathom.view()).toMatchObject({ source: 'none', clientId: '', hasClientSecret: false });
    await fathom.save({ clientId: ' myClient ', clientSecret: 'mySecret', redirectPort: 51000 });
    expect(await secrets.get(FATHOM_CLIENT_SECRET_KEY)).toBe('mySecret');
    expect(settings.snapshot()[FATHOM_OAUTH_SETTING]).toEqual({
      clientId: 'myClient',
      redirectPort: 51000,
      hasClientSecret: true,
    });
    expect(JSON.stringify(settings.snapshot())).not.toContain('mySecret');
    expect(fathom.view()).toEqual({
      mode: null,
      clientId: 'myClient',
      hasClientSecret: true,
      redirectPort: 51000,
      redirectUri: 'http://127.0.0.1:51000/fathom/callback',
      source: 'settings',
    });
    expect(switched).toHaveLength(1);
    expect(switched[0]).toMatchObject({
      client: { clientId: 'myClient', clientSecret: 'mySecret' },
      redirect: { port: 51000 },
    });
    // Saved again without a secret: the kept one is used.
    await fathom.save({ clientId: 'myClient', redirectPort: 52000 });
    expect(switched[1]).toMatchObject({
      client: { clientSecret: 'mySecret' },
      redirect: { port: 52000 },
    });
  });

  it('refuses a client with no secret, or a bad port, and stores nothing', async () => {
    const { secrets, settings, fathom, switched } = setup();
    await expect(fathom.save({ clientId: 'abc', redirectPort: 51000 })).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(/client secret is empty/),
    });
    await expect(
      fathom.save({ clientId: 'abc', clientSecret: 's', redirectPort: 80 }),
    ).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringMatching(/redirect port/),
    });
    expect(await secrets.get(FATHOM_CLIENT_SECRET_KEY)).toBeNull();
    expect(settings.snapshot()).toEqual({});
    expect(switched).toEqual([]);
  });
});
