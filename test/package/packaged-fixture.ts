// Shared set-up for the packaged-app tests: a scratch folder with the stand-in Electron and a copy
// of the project, packaging, extraction, booting, and the keychain entries a boot left behind.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsyncEntry, findCredentials } from '@napi-rs/keyring';
import { vi } from 'vitest';
import { extractAsElectronSeesIt } from './asar-view.ts';
import { packageLinuxDir, type LinuxPackage } from './package-linux-dir.ts';
import { PackagedAppProcess, launchEnv } from './packaged-app-process.ts';
import { copyProjectForPackaging, PROJECT_ROOT } from './scratch-project.ts';
import { createStandInElectron, type StandInElectron } from './stand-in-electron.ts';

export const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;

export interface Scratch {
  dir: string;
  electron: StandInElectron;
  project: string;
  remove(): void;
}

export function createScratch(label: string): Scratch {
  const dir = mkdtempSync(join(tmpdir(), `mt-${label}-`));
  return {
    dir,
    electron: createStandInElectron(join(dir, 'electron'), ELECTRON_VERSION),
    project: copyProjectForPackaging(join(dir, 'project')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function packageOrFail(
  scratch: Scratch,
  options: { arch: 'x64' | 'arm64'; out: string; zoom?: Record<string, string> },
): Promise<LinuxPackage> {
  const built = await packageLinuxDir({
    project: scratch.project,
    electron: scratch.electron,
    out: join(scratch.dir, options.out),
    arch: options.arch,
    ...(options.zoom && { zoom: options.zoom }),
  });
  if (built.build.code !== 0) throw new Error(`packaging failed:\n${built.build.output}`);
  return built;
}

/** Waits for what real HTTP and a real keychain take to happen; never a fixed sleep. */
export function until<T>(read: () => Promise<T | undefined | false>, what: string): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await read();
      if (value === undefined || value === false) throw new Error(`still waiting for ${what}`);
      return value;
    },
    { timeout: 20_000, interval: 50 },
  );
}

/** Runs `make` once, on first use: a failed boot then fails each test that needs it, by name. */
export function lazily<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => (made ??= make());
}

export interface BootedApp {
  app: PackagedAppProcess;
  appDir: string;
  keychainService: string;
}

/** Extracts the package's app.asar and boots it with an environment of its own. */
export async function bootPackage(
  scratch: Scratch,
  built: LinuxPackage,
  label: string,
): Promise<BootedApp> {
  const appDir = extractAsElectronSeesIt(
    join(built.resources, 'app.asar'),
    join(scratch.dir, `${label}-view`, 'app.asar'),
  );
  const keychainService = `${process.env.MEETING_TRAY_KEYCHAIN_SERVICE ?? 'Meeting Tray Test'} packaged ${label}`;
  const env = {
    ...launchEnv(join(scratch.dir, `${label}-home`)),
    MEETING_TRAY_KEYCHAIN_SERVICE: keychainService,
  };
  const app = new PackagedAppProcess(env);
  await app.boot({
    appDir,
    resources: built.resources,
    executable: built.executable,
    dataDir: join(scratch.dir, `${label}-data`),
  });
  // The window, or whatever stopped it: a member the strict fake lacks, a crash, an error box.
  const state = await until(async () => {
    const now = await app.state();
    const stuck = now.violations.length + now.crashes.length + now.errorBoxes.length > 0;
    return (now.windows.length > 0 || stuck) && now;
  }, 'the window');
  if (state.windows.length === 0) {
    app.kill();
    const why = {
      violations: state.violations,
      crashes: state.crashes,
      errorBoxes: state.errorBoxes,
    };
    throw new Error(
      `the packaged app opened no window: ${JSON.stringify(why, null, 2)}\n${app.output.join('')}`,
    );
  }
  return { app, appDir, keychainService };
}

/** Accounts the app stored under its keychain service (never their values). */
export function keychainAccounts(service: string): string[] {
  return findCredentials(service)
    .map((credential) => credential.account)
    .sort();
}

export async function clearKeychain(service: string): Promise<void> {
  for (const account of keychainAccounts(service))
    await new AsyncEntry(service, account, {
      linux: { store: 'secret-service' },
    }).deleteCredential();
}
