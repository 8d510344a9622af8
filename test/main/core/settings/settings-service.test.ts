// The settings service over in-memory stores: what Save, Test and Remove store (the secret only
// in the keychain), when they switch the account, and what the view says.
import { describe, expect, it } from 'vitest';
import type { ZoomAccountInput } from '../../../../preload/contract.ts';
import { parseBuiltInConfig } from '../../../../main/core/config/built-in-config.ts';
import {
  resolveAuthConfig,
  type ResolvedAuthConfig,
} from '../../../../main/core/config/resolve-auth-config.ts';
import { sandboxProviderConfig } from '../../../../main/core/config/sandbox-provider.ts';
import {
  createSettingsService,
  type AccountInUse,
} from '../../../../main/core/settings/settings-service.ts';
import {
  CLIENT_SECRET_KEY,
  createZoomAccountStore,
  ZOOM_ACCOUNT_SETTING,
} from '../../../../main/core/settings/zoom-account-store.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import { createPreferences } from '../../../../main/desktop/settings/preferences.ts';

const PREVIEW_HOST = { launchAtLogin: false, macKeys: false, menuBarTitle: 'hidden' } as const;
import {
  createMemorySecretStore,
  createMemorySettingsStore,
} from '../../../fakes/memory-stores.ts';

const SECRET = 'c0nf-S3cret-value';
const DEMO: AccountInUse = {
  source: 'demo',
  provider: sandboxProviderConfig({
    url: 'http://127.0.0.1:4010',
    apiBaseUrl: 'http://127.0.0.1:4010/v2',
    clientId: 'sandbox-public',
  }),
};
const zoomAccount = (overrides: Partial<ZoomAccountInput> = {}): ZoomAccountInput => ({
  clientId: 'MyClient_1',
  cloud: 'zoom',
  clientSecret: { action: 'keep' },
  ...overrides,
});

function setup(
  options: {
    env?: Record<string, string>;
    builtIn?: string;
    secrets?: ReturnType<typeof createMemorySecretStore>;
  } = {},
) {
  const settings = createMemorySettingsStore();
  const secrets = options.secrets ?? createMemorySecretStore();
  const logger = createCapturingLogger();
  const env = options.env ?? {};
  const builtIn = options.builtIn
    ? parseBuiltInConfig(options.builtIn, '/app/app-config.json')
    : null;
  const first = resolveAuthConfig({ env, saved: null, builtIn });
  let inUse: AccountInUse = first.source === 'demo' ? DEMO : first;
  const switches: ResolvedAuthConfig[] = [];
  const accounts = createZoomAccountStore({ settings, secrets, logger });
  const service = createSettingsService({
    accounts,
    env,
    builtIn,
    preferences: createPreferences({ settings, host: PREVIEW_HOST, logger }),
    inUse: () => inUse,
    async switchTo(next) {
      switches.push(next);
      inUse = next.source === 'demo' ? DEMO : next;
    },
    fetch,
    logger,
  });
  const views: unknown[] = [];
  service.subscribe((view) => views.push(view));
  return { service, settings, secrets, logger, switches, views, accounts };
}

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught as { code: string; message: string },
  );
  if (!error) throw new Error('expected a refusal');
  return { code: error.code, message: error.message };
}

describe('the settings view', () => {
  it('describes the account in use by source, never its secret', async () => {
    expect(setup().service.view()).toEqual({
      zoomAccount: {
        source: 'demo',
        clientId: '',
        cloud: 'custom',
        oauthBase: 'http://127.0.0.1:4010',
        apiBase: 'http://127.0.0.1:4010/v2',
        hasClientSecret: false,
        redirectUrl: 'http://127.0.0.1/callback',
      },
      preferences: {
        reminderLead: 5,
        clock: 'system',
        joinIn: 'app',
        launchAtLogin: null,
        shortcut: { accelerator: null, problem: null, macKeys: false },
        menuBarTitle: { enabled: true, shown: 'hidden' },
      },
      // A host that connects no Fathom: nothing configured.
      fathom: {
        mode: null,
        clientId: '',
        hasClientSecret: false,
        redirectPort: 53682,
        redirectUri: 'http://127.0.0.1:53682/fathom/callback',
        source: 'none',
      },
    });
    expect(
      setup({
        builtIn:
          '{"zoom":{"clientId":"Pkg1","oauthBase":"https://zoomgov.com","apiBase":"https://api.zoomgov.com/v2"}}',
      }).service.view().zoomAccount,
    ).toMatchObject({ source: 'built-in', clientId: 'Pkg1', cloud: 'zoomgov' });
    const env = setup({ env: { ZOOM_CLIENT_ID: 'EnvId', ZOOM_CLIENT_SECRET: SECRET } });
    expect(env.service.view().zoomAccount).toMatchObject({
      source: 'environment',
      clientId: 'EnvId',
      cloud: 'zoom',
      hasClientSecret: true,
    });
    expect(JSON.stringify(env.service.view())).not.toContain(SECRET);
  });

  it('names the custom-scheme redirect when MEETING_TRAY_REDIRECT asks for one', () => {
    const { service } = setup({
      env: { ZOOM_CLIENT_ID: 'EnvId', MEETING_TRAY_REDIRECT: 'meetingtray://oauth/callback' },
    });
    expect(service.view().zoomAccount.redirectUrl).toBe('meetingtray://oauth/callback');
  });
});

describe('saveZoomAccount', () => {
  it('keeps the secret in the keychain only, switches to the account, and publishes the view', async () => {
    const { service, settings, secrets, logger, switches, views } = setup();
    const view = await service.saveZoomAccount(
      zoomAccount({ cloud: 'zoomgov', clientSecret: { action: 'set', value: SECRET } }),
    );
    expect(settings.snapshot()[ZOOM_ACCOUNT_SETTING]).toEqual({
      clientId: 'MyClient_1',
      cloud: 'zoomgov',
      hasClientSecret: true,
    });
    expect(await secrets.get(CLIENT_SECRET_KEY)).toBe(SECRET);
    expect(switches).toHaveLength(1);
    const [next] = switches;
    if (next?.source !== 'settings') throw new Error('expected the saved account');
    expect(next.provider.client).toEqual({ clientId: 'MyClient_1', clientSecret: SECRET });
    expect(next.provider.server.token_endpoint).toBe('https://zoomgov.com/oauth/token');
    expect(view.zoomAccount).toMatchObject({
      source: 'settings',
      cloud: 'zoomgov',
      hasClientSecret: true,
    });
    expect(views).toEqual([view]);
    const everything = JSON.stringify([settings.snapshot(), views, view]) + logger.text();
    expect(everything).not.toContain(SECRET);
  });

  it('does not switch when the account in use would not change', async () => {
    const { service, switches } = setup();
    await service.saveZoomAccount(zoomAccount());
    await service.saveZoomAccount(zoomAccount({ clientId: '  MyClient_1 ' }));
    expect(switches).toHaveLength(1);
  });

  it('keeps a saved secret it was not sent, and removes it when asked', async () => {
    const { service, secrets, switches } = setup();
    await service.saveZoomAccount(zoomAccount({ clientSecret: { action: 'set', value: SECRET } }));
    await service.saveZoomAccount(zoomAccount({ clientSecret: { action: 'keep' } }));
    expect(await secrets.get(CLIENT_SECRET_KEY)).toBe(SECRET);
    expect(switches).toHaveLength(1);
    const view = await service.saveZoomAccount(zoomAccount({ clientSecret: { action: 'remove' } }));
    expect(await secrets.get(CLIENT_SECRET_KEY)).toBeNull();
    expect(view.zoomAccount.hasClientSecret).toBe(false);
    expect(switches).toHaveLength(2);
  });

  it('stores a custom server with its bases, and refuses plain http outside loopback', async () => {
    const { service, settings } = setup();
    await service.saveZoomAccount(
      zoomAccount({
        cloud: 'custom',
        oauthBase: 'http://127.0.0.1:4010',
        apiBase: 'http://127.0.0.1:4010/v2',
      }),
    );
    expect(settings.snapshot()[ZOOM_ACCOUNT_SETTING]).toMatchObject({
      cloud: 'custom',
      oauthBase: 'http://127.0.0.1:4010',
      apiBase: 'http://127.0.0.1:4010/v2',
    });
    expect(
      await refusal(
        service.saveZoomAccount(
          zoomAccount({
            cloud: 'custom',
            oauthBase: 'http://zoom.example',
            apiBase: 'https://x/v2',
          }),
        ),
      ),
    ).toEqual({
      code: 'config_invalid',
      message: expect.stringMatching(
        /^The authorization server must use https:\/\//,
      ) as unknown as string,
    });
  });

  it('refuses an invalid account before storing anything', async () => {
    const { service, settings, secrets, switches } = setup();
    const refused = await refusal(
      service.saveZoomAccount(
        zoomAccount({ clientId: 'bad id', clientSecret: { action: 'set', value: SECRET } }),
      ),
    );
    expect(refused.message).toMatch(/^The client ID contains unexpected characters/);
    expect(settings.snapshot()).toEqual({});
    expect(secrets.entries().size).toBe(0);
    expect(switches).toEqual([]);
  });

  it('saves nothing when the keychain refuses the secret', async () => {
    const failing = createMemorySecretStore({
      failWith: () => new Error("Couldn't access platform storage: no Secret Service"),
    });
    const { service, settings, switches } = setup({ secrets: failing });
    const refused = await refusal(
      service.saveZoomAccount(zoomAccount({ clientSecret: { action: 'set', value: SECRET } })),
    );
    expect(refused.code).toBe('keychain_unavailable');
    expect(refused.message).toMatch(/nothing was saved/);
    expect(settings.snapshot()).toEqual({});
    expect(switches).toEqual([]);
  });

  it('saves a public client without a keychain: only a secret needs one', async () => {
    const failing = createMemorySecretStore({
      failWith: () => new Error("Couldn't access platform storage: no Secret Service"),
    });
    const { service, settings, switches, logger } = setup({ secrets: failing });
    const view = await service.saveZoomAccount(zoomAccount({ clientSecret: { action: 'remove' } }));
    expect(view.zoomAccount).toMatchObject({ source: 'settings', hasClientSecret: false });
    expect(settings.snapshot()[ZOOM_ACCOUNT_SETTING]).toMatchObject({ hasClientSecret: false });
    expect(switches).toHaveLength(1);
    expect(logger.text()).toContain('could not be deleted');
  });

  it('cannot change an account the environment names', async () => {
    const { service, settings, switches } = setup({ env: { ZOOM_CLIENT_ID: 'EnvId' } });
    const refused = await refusal(service.saveZoomAccount(zoomAccount()));
    expect(refused).toMatchObject({ code: 'config_invalid' });
    expect(refused.message).toMatch(/ZOOM_CLIENT_ID is set in the environment/);
    expect(await refusal(service.resetZoomAccount())).toMatchObject({ code: 'config_invalid' });
    expect(settings.snapshot()).toEqual({});
    expect(switches).toEqual([]);
  });

  it('runs saves one at a time, in order', async () => {
    const { service, switches } = setup();
    await Promise.all([
      service.saveZoomAccount(zoomAccount({ clientId: 'First' })),
      service.saveZoomAccount(zoomAccount({ clientId: 'Second' })),
    ]);
    expect(
      switches.map((s) => (s.source === 'demo' ? 'demo' : s.provider.client.clientId)),
    ).toEqual(['First', 'Second']);
  });
});

describe('resetZoomAccount', () => {
  it('forgets the account and its secret, back to the built-in account', async () => {
    const { service, settings, secrets, switches } = setup({
      builtIn: '{"zoom":{"clientId":"Pkg1"}}',
    });
    await service.saveZoomAccount(zoomAccount({ clientSecret: { action: 'set', value: SECRET } }));
    const view = await service.resetZoomAccount();
    expect(settings.snapshot()).toEqual({});
    expect(await secrets.get(CLIENT_SECRET_KEY)).toBeNull();
    expect(view.zoomAccount).toMatchObject({ source: 'built-in', clientId: 'Pkg1' });
    expect(switches.map((s) => s.source)).toEqual(['settings', 'built-in']);
  });

  it('goes back to the demo when nothing is built in', async () => {
    const { service, switches } = setup();
    await service.saveZoomAccount(zoomAccount());
    expect((await service.resetZoomAccount()).zoomAccount.source).toBe('demo');
    expect(switches.map((s) => s.source)).toEqual(['settings', 'demo']);
  });
});

describe('the saved account on the next start', () => {
  it('is read back with its secret, and a hand-edited invalid one is ignored', async () => {
    const { service, accounts, settings } = setup();
    await service.saveZoomAccount(zoomAccount({ clientSecret: { action: 'set', value: SECRET } }));
    expect(accounts.read()).toEqual({
      clientId: 'MyClient_1',
      cloud: 'zoom',
      hasClientSecret: true,
    });
    expect(await accounts.readSecret()).toBe(SECRET);

    settings.set(ZOOM_ACCOUNT_SETTING, { clientId: 'x y', cloud: 'zoom', hasClientSecret: false });
    expect(accounts.read()).toBeNull();
    settings.set(ZOOM_ACCOUNT_SETTING, { clientId: 'ok', cloud: 'mars', hasClientSecret: false });
    expect(accounts.read()).toBeNull();
  });
});
