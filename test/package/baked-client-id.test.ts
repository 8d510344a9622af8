// Acceptance: a package built with `ZOOM_CLIENT_ID=… npm run dist`, started with no environment
// variables at all (an app launched from a menu), signs in to the server it was built for — here
// the Zoom sandbox run as a separate process.
import { join } from 'node:path';
import asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consent } from '../helpers/sandbox-browser.ts';
import type { LinuxPackage } from './package-linux-dir.ts';
import {
  bootPackage,
  clearKeychain,
  createScratch,
  keychainAccounts,
  lazily,
  packageOrFail,
  until,
  type BootedApp,
  type Scratch,
} from './packaged-fixture.ts';
import { startSandboxProcess, type SandboxProcess } from './sandbox-process.ts';

const started = performance.now();
let scratch: Scratch;
let sandbox: SandboxProcess;
let built: LinuxPackage;
let booted: BootedApp | null = null;
const boot = lazily(async () => {
  booted = await bootPackage(scratch, built, 'baked');
  await booted.app.preload(); // the page's way in: every call below goes through it
  return booted;
});

beforeAll(async () => {
  scratch = createScratch('baked');
  sandbox = await startSandboxProcess();
  built = await packageOrFail(scratch, {
    arch: 'x64',
    out: 'release',
    zoom: {
      ZOOM_CLIENT_ID: sandbox.publicClientId,
      ZOOM_OAUTH_BASE: sandbox.url,
      ZOOM_API_BASE: sandbox.apiBase,
      // Set on the build machine, and still never written into the package.
      ZOOM_CLIENT_SECRET: 'build-machine-secret',
    },
  });
});

afterAll(async () => {
  booted?.app.kill();
  if (booted) await clearKeychain(booted.keychainService);
  await sandbox?.stop();
  scratch?.remove();
  console.log(`packaged-app baked client ID test: ${Math.round(performance.now() - started)} ms`);
});

describe('a package built with ZOOM_CLIENT_ID', () => {
  it('carries the client ID and the bases next to its main bundle, and no secret', () => {
    const text = asar
      .extractFile(join(built.resources, 'app.asar'), 'dist/main/app-config.json')
      .toString('utf8');
    expect(JSON.parse(text)).toEqual({
      zoom: { clientId: sandbox.publicClientId, oauthBase: sandbox.url, apiBase: sandbox.apiBase },
    });
    expect(text).not.toContain('build-machine-secret');
    expect(built.build.output).toMatch(/ZOOM_CLIENT_SECRET is not built into the package/u);
  });

  it('starts with no environment variables, not in demo mode', async () => {
    const { app } = await boot();
    expect(Object.keys(app.env).filter((name) => name.startsWith('ZOOM_'))).toEqual([]);
    const session = await app.call<{ kind: string; demo?: boolean }>('getSession');
    expect(session.kind).toBe('signed-out');
    expect(session.demo).not.toBe(true);
  });

  it('signs in to the server it was built for, and keeps the tokens in the keychain', async () => {
    const { app, keychainService } = await boot();
    const signingIn = app.call('signIn');
    const authorizationUrl = new URL(
      await until(async () => (await app.state()).opened[0], 'the consent page'),
    );
    expect(authorizationUrl.origin).toBe(new URL(sandbox.url).origin);
    expect(authorizationUrl.searchParams.get('client_id')).toBe(sandbox.publicClientId);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect((await fetch(await consent(authorizationUrl.href, 'allow'))).status).toBe(200);
    expect(await signingIn).toMatchObject({ ok: true });
    const session = await until(async () => {
      const now = await app.call<{ kind: string; demo?: boolean }>('getSession');
      return now.kind === 'signed-in' && now;
    }, 'the signed-in session');
    expect(session.demo).not.toBe(true);
    await until(async () => keychainAccounts(keychainService).length > 0, 'a keychain entry');
    const state = await app.state();
    expect(state.violations).toEqual([]);
    expect(state.crashes).toEqual([]);
  });
});
