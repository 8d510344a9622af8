// A full sign-in → refresh → revoke cycle with the real redacting logger, a JSON-file
// settings store in a temp data directory and the real keychain: afterwards no token,
// authorization code or PKCE verifier may appear in the logs or anywhere in that directory.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sandboxProviderConfig } from '../../../main/core/config/sandbox-provider.ts';
import type { Fetch } from '../../../main/core/ports.ts';
import { createConsoleLogger } from '../../../main/node/console-logger.ts';
import { createJsonFileSettingsStore } from '../../../main/node/json-file-settings-store.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { createAuthHarness, createTestKeychain } from '../../helpers/auth-harness.ts';
import { consent } from '../../helpers/sandbox-browser.ts';

let sandbox: ZoomSandbox;
let dataDir: string;
const clock = createFakeClock(Date.now());

beforeAll(async () => {
  sandbox = await startZoomSandbox({ now: () => clock.now(), rateLimits: false });
  dataDir = mkdtempSync(join(tmpdir(), 'meeting-tray-auth-hygiene-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

it('no token, code or verifier reaches the logs or the data directory', async () => {
  const secrets = new Set<string>();
  const note = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 8) secrets.add(value);
  };
  // Watch the wire to learn every secret that existed during the cycle.
  const watchingFetch: Fetch = async (input, init) => {
    const body =
      init?.body instanceof URLSearchParams
        ? init.body
        : new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
    for (const name of ['code', 'code_verifier', 'refresh_token', 'token']) note(body.get(name));
    const response = await fetch(input, init);
    if ((response.headers.get('content-type') ?? '').includes('application/json')) {
      const json = (await response.clone().json()) as Record<string, unknown>;
      note(json.access_token);
      note(json.refresh_token);
    }
    return response;
  };
  const lines: string[] = [];
  const logger = createConsoleLogger({ sink: (line) => lines.push(line) });
  const settings = createJsonFileSettingsStore(join(dataDir, 'settings.json'));
  const keychain = createTestKeychain();
  const provider = sandboxProviderConfig({
    url: sandbox.url,
    apiBaseUrl: sandbox.apiBaseUrl,
    clientId: sandbox.clients.public.clientId,
  });
  const harness = createAuthHarness({
    provider,
    secrets: keychain.secrets,
    clock,
    fetch: watchingFetch,
    logger,
    settings,
    consent: async (url) => {
      const redirect = await consent(url, 'allow');
      note(redirect.searchParams.get('code'));
      return redirect;
    },
  });

  await harness.auth.signIn();
  clock.jump(3600_000);
  await harness.auth.getAccessToken();
  await expect(harness.auth.signOut()).resolves.toEqual({
    serverRevoked: true,
    revocation: 'revoked',
  });
  await harness.auth.dispose();

  // code, verifier, two access tokens, two refresh tokens (the revoke re-sends one)
  expect(secrets.size).toBeGreaterThanOrEqual(6);
  expect(lines.length).toBeGreaterThanOrEqual(3); // signed in, refreshed, signed out
  const logs = lines.join('\n');
  const files = filesUnder(dataDir);
  expect(files).toContain(join(dataDir, 'settings.json'));
  const data = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  for (const secret of secrets) {
    expect(logs).not.toContain(secret);
    expect(data).not.toContain(secret);
  }
  expect(await keychain.entries()).toEqual([]);
});
