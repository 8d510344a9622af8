// The packaged-app smoke test: package the app for Linux with electron-builder (the stand-in
// Electron in place of the binary that cannot be downloaded here), check what the package holds,
// then boot its app.asar under Node with a strict fake `electron` and use it as a person would:
// a window and a tray, the page's files over app://, the preload in a sandbox, IPC, and a demo
// sign-in that lands in the real keychain.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createBridge } from '../../preload/create-bridge.ts';
import { BRIDGE_KEY } from '../../preload/contract.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../preload/shared/content-security-policy.ts';
import { keyringBindingFile } from '../../scripts/package/keyring-binding.ts';
import { readNativeBinary } from '../../scripts/package/native-binary-arch.ts';
import { consent } from '../helpers/sandbox-browser.ts';
import { asarEntries } from './asar-view.ts';
import { bundledPackages, productionClosure } from './bundle-contents.ts';
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
import { PROJECT_ROOT } from './scratch-project.ts';
import { DEFAULT_FUSE_WIRE } from './stand-in-electron.ts';

const started = performance.now();
let scratch: Scratch;
let built: LinuxPackage;
let booted: BootedApp | null = null;
const boot = lazily(async () => (booted = await bootPackage(scratch, built, 'demo')));

beforeAll(async () => {
  scratch = createScratch('packaged');
  built = await packageOrFail(scratch, { arch: 'x64', out: 'release' });
});

afterAll(async () => {
  booted?.app.kill();
  if (booted) await clearKeychain(booted.keychainService);
  scratch?.remove();
  console.log(`packaged-app smoke test: ${Math.round(performance.now() - started)} ms`);
});

const archive = () => join(built.resources, 'app.asar');
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));

describe('the package', () => {
  it('app.asar holds dist/ (without source maps or the harness bridge), package.json and node_modules', () => {
    const entries = asarEntries(archive());
    expect(
      entries
        .filter((e) => !e.path.includes('/'))
        .map((e) => e.path)
        .sort(),
    ).toEqual(['dist', 'node_modules', 'package.json']);
    const packedDist = entries
      .filter((e) => e.kind === 'file' && e.path.startsWith('dist/'))
      .map((e) => e.path.slice('dist/'.length))
      .sort();
    const builtDist = files(join(scratch.project, 'dist'))
      .filter((path) => !path.endsWith('.map') && !path.startsWith('web-preload/'))
      .sort();
    expect(packedDist).toEqual(builtDist);
    expect(builtDist).toEqual(
      expect.arrayContaining(['main/index.cjs', 'preload/index.cjs', 'renderer/index.html']),
    );
  });

  it('its node_modules are exactly what the production dependencies need, and none the main bundle already contains', () => {
    const manifest = JSON.parse(readFileSync(join(scratch.project, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // electron-builder hoists duplicates, so packages are compared by name and version, not folder.
    const version = (read: (file: string) => string, folder: string) => {
      const { name, version } = JSON.parse(read(`${folder}/package.json`)) as Record<
        string,
        string
      >;
      return `${name}@${version}`;
    };
    const packed = asarEntries(archive())
      .filter(
        (e) => e.kind === 'directory' && /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+$/u.test(e.path),
      )
      .map((e) => version((file) => asar.extractFile(archive(), file).toString('utf8'), e.path));
    const needed = productionClosure(scratch.project, Object.keys(manifest.dependencies)).map(
      (folder) => version((file) => readFileSync(join(scratch.project, file), 'utf8'), folder),
    );
    expect([...new Set(packed)].sort()).toEqual([...new Set(needed)].sort());
    const inlined = bundledPackages(join(PROJECT_ROOT, 'dist/main/index.cjs.map'));
    expect(inlined.length).toBeGreaterThan(0); // the check below must have something to find
    for (const name of inlined)
      expect(
        packed.filter((id) => id.startsWith(`${name}@`)),
        name,
      ).toEqual([]);
  });

  it('the x64 keychain binding is unpacked beside the archive, and is an x64 binary', () => {
    const binding = keyringBindingFile('linux', 'x64');
    const entry = asarEntries(archive()).find((e) => e.path === `node_modules/${binding}`);
    expect(entry?.unpacked).toBe(true);
    const file = join(built.resources, 'app.asar.unpacked/node_modules', binding);
    expect(readNativeBinary(readFileSync(file))).toEqual({ format: 'elf', arches: ['x64'] });
  });

  it('the window and tray icons are in resources/assets, as the app reads them', () => {
    const wanted = readdirSync(join(PROJECT_ROOT, 'assets')).filter((name) =>
      /^(tray.*|icon\.png|icon\.ico)$/u.test(name),
    );
    expect(wanted).toEqual(
      expect.arrayContaining(['icon.png', 'icon.ico', 'tray-on-light.png', 'trayTemplate.png']),
    );
    for (const name of wanted) {
      expect(readFileSync(join(built.resources, 'assets', name)), name).toEqual(
        readFileSync(join(PROJECT_ROOT, 'assets', name)),
      );
    }
  });

  it('the fuses in the executable are flipped as electron-builder.yml says', async () => {
    const config = parse(readFileSync(join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    const fuseIndex: Record<string, FuseV1Options> = {
      runAsNode: FuseV1Options.RunAsNode,
      enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
      enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
      loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
      grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
    };
    const wire = (await getCurrentFuseWire(built.executable)) as unknown as Record<number, number>;
    let flipped = 0;
    for (const [name, enabled] of Object.entries(config.electronFuses)) {
      const index = fuseIndex[name];
      if (index === undefined) continue; // resetAdHocDarwinSignature is an option, not a fuse
      const expected = enabled ? '1' : '0';
      expect(String.fromCharCode(wire[index] ?? 0), name).toBe(expected);
      if (DEFAULT_FUSE_WIRE[index] !== expected) flipped += 1;
    }
    // RunAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, asar only, file://.
    expect(flipped).toBe(7);
  });
});

describe('the package, booted under Node with a strict fake electron', () => {
  it('creates the hardened window on app:// with the packaged preload and icon, and the tray', async () => {
    const { app, appDir } = await boot();
    const state = await app.state();
    expect(state.violations).toEqual([]);
    expect(state.crashes).toEqual([]);
    expect(state.errorBoxes).toEqual([]);
    const [window] = state.windows;
    expect(window?.loadedUrls).toEqual(['app://renderer/index.html']);
    expect(window?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window?.webPreferences.preload).toBe(join(appDir, 'dist/preload/index.cjs'));
    expect(window?.icon).toBe(join(built.resources, 'assets/icon.png'));
    expect(existsSync(window?.icon ?? '')).toBe(true);
    expect(state.trays).toHaveLength(1);
    expect(state.trays[0]?.image.startsWith(join(built.resources, 'assets/'))).toBe(true);
    expect(existsSync(state.trays[0]?.image ?? '')).toBe(true);
  });

  it('serves index.html and every file it references over app://, each with the CSP header', async () => {
    const { app, appDir } = await boot();
    const page = await app.fetch('app://renderer/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    const references = [...page.body.matchAll(/\b(?:src|href)="([^"]+)"/gu)]
      .map((match) => match[1] ?? '')
      .filter((ref) => !/^(data|https?):/u.test(ref));
    expect(references.length).toBeGreaterThanOrEqual(2); // the script and the stylesheet
    for (const ref of references) {
      const url = new URL(ref, 'app://renderer/index.html');
      const served = await app.fetch(url.href);
      expect(served.status, url.href).toBe(200);
      expect(served.headers['content-security-policy'], url.href).toBe(
        CONTENT_SECURITY_POLICY_HEADER,
      );
      expect(served.body, url.href).toBe(
        readFileSync(join(appDir, 'dist/renderer', url.pathname), 'utf8'),
      );
    }
    expect((await app.fetch('app://renderer/../package.json')).status).toBe(404);
  });

  it('runs the preload under a sandbox-only require; it exposes the bridge and nothing else', async () => {
    const { app } = await boot();
    const preload = await app.preload();
    expect(preload.required).toEqual(['electron']);
    const methods = Object.keys(
      createBridge({ invoke: async () => null, subscribe: () => () => undefined }),
    ).sort();
    expect(preload.exposed).toEqual([{ key: BRIDGE_KEY, methods }]);
  });

  it('answers getSession over IPC from the window, as the preload asks', async () => {
    const { app } = await boot();
    const session = await app.call<{ kind: string; demo?: boolean }>('getSession');
    expect(session).toMatchObject({ kind: 'signed-out', demo: true });
  });

  it('signs in to the demo through the consent page and keeps the tokens in the keychain', async () => {
    const { app, keychainService } = await boot();
    expect(keychainAccounts(keychainService)).toEqual([]);
    // The call answers when the sign-in ends, so it is awaited after the consent.
    const signingIn = app.call('signIn');
    const authorizationUrl = await until(
      async () => (await app.state()).opened[0],
      'the consent page',
    );
    expect(new URL(authorizationUrl).hostname).toBe('127.0.0.1');
    const callback = await fetch(await consent(authorizationUrl, 'allow'));
    expect(callback.status).toBe(200);
    expect(await signingIn).toMatchObject({ ok: true });
    const session = await until(async () => {
      const now = await app.call<{ kind: string; profile?: { displayName?: string } }>(
        'getSession',
      );
      return now.kind === 'signed-in' && now;
    }, 'the signed-in session');
    expect(session.profile).toBeDefined();
    await until(async () => keychainAccounts(keychainService).length > 0, 'a keychain entry');
    const state = await app.state();
    expect(state.nativeLoads).toContain(
      join(built.resources, 'app.asar.unpacked/node_modules', keyringBindingFile('linux', 'x64')),
    );
    expect(state.pushes).toContain('session:changed');
    expect(state.violations).toEqual([]);
    expect(state.crashes).toEqual([]);
  });

  it('loads at run time exactly the production dependencies package.json declares', async () => {
    const { app } = await boot();
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const { runtimePackages } = await app.state();
    expect(runtimePackages).toEqual(Object.keys(manifest.dependencies).sort());
  });

  it('quits cleanly', async () => {
    const { app } = await boot();
    const ended = await app.quit();
    expect(ended.exitCodes.length + ended.quitCalls).toBeGreaterThan(0);
    expect((await app.state()).crashes).toEqual([]);
  });
});
