// Earlier builds left one demo keychain item per restart (named after the sandbox's port).
// The first start of this build removes them, and only them, against the real keychain.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sandboxProviderConfig } from '../../../../main/core/config/sandbox-provider.ts';
import {
  isLegacyDemoAccount,
  LEGACY_KEYS_SWEPT_SETTING,
} from '../../../../main/core/secrets/legacy-keys.ts';
import { createKeyringSecretStore } from '../../../../main/node/keyring-secret-store.ts';
import { openOsKeychain } from '../../../../main/node/os-keychain.ts';
import { DEMO_CLIENTS } from '../../../../main/sandbox/index.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';

const DEMO = DEMO_CLIENTS.public.clientId;
const old = (port: number, suffix = '') => `oauth-tokens:${DEMO}@127.0.0.1:${port}${suffix}`;
const KEPT = [
  'oauth-tokens:demo',
  `oauth-tokens:${DEMO}@zoom.us`,
  'oauth-tokens:OtherClient@127.0.0.1:4000',
  'oauth-tokens:AbCdEf123@zoom.us',
  'zoom-account:client-secret',
];

async function seededService(legacy: string[]) {
  const service = `${process.env.MEETING_TRAY_KEYCHAIN_SERVICE ?? 'Meeting Tray Test'} ${randomUUID()}`;
  const raw = createKeyringSecretStore({ service });
  for (const account of [...legacy, ...KEPT]) await raw.set(account, 'value');
  return { service, raw, list: async () => (await raw.accounts()).sort() };
}

describe('legacy demo keychain items', () => {
  it('recognises exactly the old port-named demo accounts and their chunk entries', () => {
    for (const account of [old(1), old(65535), old(4242, '.pending'), old(4242, '.retired')])
      expect(isLegacyDemoAccount(account, DEMO)).toBe(true);
    expect(isLegacyDemoAccount(old(4242, '.chunk.0a1b2c3d4e5f6a7b.3'), DEMO)).toBe(true);
    for (const account of [...KEPT, old(4242, '.other'), `${old(1)}x`, 'oauth-tokens:demo.pending'])
      expect(isLegacyDemoAccount(account, DEMO)).toBe(false);
  });

  it('removes every old item once, keeps everything else, and does not search again', async () => {
    const legacy = [
      old(40001),
      old(40002),
      old(40003),
      old(40003, '.chunk.ab12.0'),
      old(40003, '.pending'),
    ];
    const { service, raw, list } = await seededService(legacy);
    const settings = createMemorySettingsStore();
    const logger = createCapturingLogger();
    const keychain = openOsKeychain({ service, settings, logger });

    await keychain.sweepLegacyItems(null);
    expect(await list()).toEqual([...KEPT].sort());
    expect(settings.get(LEGACY_KEYS_SWEPT_SETTING)).toBe(true);

    // Later starts skip the search: an item written now (by an old build run again) stays.
    await raw.set(old(40004), 'value');
    await keychain.sweepLegacyItems(null);
    expect(await list()).toContain(old(40004));
    for (const account of [...KEPT, old(40004)]) await raw.delete(account);
  });

  it('spares the account the configured provider uses, even when it looks old', async () => {
    const { service, raw, list } = await seededService([old(40001), old(40002)]);
    const provider = sandboxProviderConfig({
      url: 'http://127.0.0.1:40001',
      apiBaseUrl: 'http://127.0.0.1:40001/v2',
      clientId: DEMO,
    });
    const keychain = openOsKeychain({
      service,
      settings: createMemorySettingsStore(),
      logger: createCapturingLogger(),
    });
    await keychain.sweepLegacyItems(provider);
    expect(await list()).toEqual([...KEPT, old(40001)].sort());
    for (const account of [...KEPT, old(40001)]) await raw.delete(account);
  });

  it('a keychain that cannot be searched is left for the next start, without an error', async () => {
    const settings = createMemorySettingsStore();
    const keychain = openOsKeychain({
      service: 'unused',
      settings,
      logger: createCapturingLogger(),
      load: () => Promise.reject(new Error('Cannot find native binding')),
    });
    await expect(keychain.sweepLegacyItems(null)).resolves.toBeUndefined();
    expect(settings.get(LEGACY_KEYS_SWEPT_SETTING)).toBeUndefined();
  });
});
