// Demo mode's Fathom keeps its grants in the data folder (owner-only), so a connection survives a
// restart on another port; rotation and disconnect carry over too.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_FATHOM_GRANTS_FILE,
  demoFathomConnection,
  startDemoFathomSandbox,
} from '../../../../main/node/demo-fathom.ts';
import type { FathomSandbox } from '../../../../main/sandbox/fathom/index.ts';
import { createCapturingLogger } from '../../../fakes/capturing-logger.ts';
import { consent } from '../../../helpers/sandbox-browser.ts';
import { authorizeUrl, codeBody, getApi, postToken, refreshBody } from './fathom-kit.ts';

let dir: string;
const running: FathomSandbox[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'meeting-tray-fathom-grants-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function startDemo(logger = createCapturingLogger()) {
  const sandbox = await startDemoFathomSandbox({
    dataDir: dir,
    logger,
    options: { rateLimit: false },
  });
  running.push(sandbox);
  return sandbox;
}

/** The app's redirect port is a setting: the demo accepts its callback path on any port. */
const APP_REDIRECT = 'http://127.0.0.1:49152/fathom/callback';

async function connectDemo(sandbox: FathomSandbox) {
  const location = await consent(authorizeUrl(sandbox, { redirect_uri: APP_REDIRECT }), 'allow');
  const code = location.searchParams.get('code') ?? '';
  const answer = await postToken(sandbox, codeBody(sandbox, code, { redirect_uri: APP_REDIRECT }));
  expect(answer.status).toBe(200);
  return answer.body as { access_token: string; refresh_token: string };
}

describe('demo Fathom sandbox', () => {
  it('keeps tokens across a restart on another port, in an owner-only file', async () => {
    const first = await startDemo();
    const tokens = await connectDemo(first);
    const file = join(dir, DEMO_FATHOM_GRANTS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await startDemo();
    await first.close();
    expect(second.port).not.toBe(first.port);
    expect((await getApi(second, '/meetings', { bearer: tokens.access_token })).status).toBe(200);
    const rotated = await postToken(second, refreshBody(second, tokens.refresh_token));
    expect(rotated.status).toBe(200);

    const third = await startDemo();
    await second.close();
    expect((await postToken(third, refreshBody(third, tokens.refresh_token))).status).toBe(400);
    const latest = String(rotated.body.refresh_token);
    expect((await postToken(third, refreshBody(third, latest))).status).toBe(200);
    third.disconnect();
    const fourth = await startDemo();
    expect((await getApi(fourth, '/meetings', { bearer: tokens.access_token })).status).toBe(401);
  });

  it('hands the app what it needs to connect, and the API key works', async () => {
    const sandbox = await startDemo();
    const connection = demoFathomConnection(sandbox);
    expect(connection).toEqual({
      clientId: sandbox.clients.oauth.clientId,
      clientSecret: sandbox.clients.oauth.clientSecret,
      oauthBaseUrl: sandbox.url,
      apiBaseUrl: `${sandbox.url}/external/v1`,
      apiKey: sandbox.clients.apiKey,
      personEmail: 'ada.okafor@example.com',
    });
    expect((await getApi(sandbox, '/meetings', { apiKey: connection.apiKey })).status).toBe(200);
  });

  it('a grants file it cannot write is logged and the demo goes on in memory', async () => {
    // A directory where the file should be: every write fails.
    mkdirSync(join(dir, DEMO_FATHOM_GRANTS_FILE));
    const logger = createCapturingLogger();
    const sandbox = await startDemo(logger);
    const tokens = await connectDemo(sandbox);
    expect((await getApi(sandbox, '/meetings', { bearer: tokens.access_token })).status).toBe(200);
    expect(logger.text()).toContain('demo Fathom connection not saved');
    expect(logger.text()).not.toContain(tokens.access_token);
  });

  it('a damaged grants file costs the demo its connection, nothing more', async () => {
    writeFileSync(join(dir, DEMO_FATHOM_GRANTS_FILE), '{not json');
    const sandbox = await startDemo();
    expect((await getApi(sandbox, '/meetings', { bearer: 'fsbx_at_old' })).status).toBe(401);
    await connectDemo(sandbox);
  });
});
