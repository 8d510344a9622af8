// Child process: boots a packaged app's main entry under Node, as Electron would from
// resources/app.asar, with a strict fake `electron` (packaged-electron.ts behind strict-proxy.ts)
// injected by hooking module resolution for `electron` alone. Everything else is the package's
// own: its main bundle, its node_modules, its native binding (loaded from app.asar.unpacked,
// see asar-view.ts), its preload and renderer files. The parent drives it over the IPC channel
// (packaged-app-process.ts): one request, one answer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fakeEvent } from '../../fakes/electron/events.ts';
import { createPackagedElectron, isFakeInstance } from './packaged-electron.ts';
import {
  ConnectedIpcRenderer,
  RecordingContextBridge,
  runSandboxedPreload,
} from './sandboxed-preload.ts';
import { strict, type StrictRecord } from './strict-proxy.ts';

export interface BootConfig {
  /** The extracted app.asar (asar-view.ts). */
  appDir: string;
  /** The package's resources/ folder (process.resourcesPath). */
  resources: string;
  /** The package's executable, argv[0] of an installed app. */
  executable: string;
  /** Where the app's userData, logs, … folders go. */
  dataDir: string;
}

export type Request =
  | { id: number; op: 'boot'; config: BootConfig }
  | { id: number; op: 'state' }
  | { id: number; op: 'fetch'; url: string }
  | { id: number; op: 'preload' }
  | { id: number; op: 'call'; method: string; args: unknown[] }
  | { id: number; op: 'quit' };

export type Answer =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const ELECTRON_GLOBAL = Symbol.for('meeting-tray.packaged-electron');
const record: StrictRecord = { violations: [], touched: new Set() };
const crashes: string[] = [];
const nativeLoads: string[] = [];
/** Packages the app's own files (dist/) asked for and got from its node_modules. */
const runtimePackages = new Set<string>();

process.on('uncaughtException', (error) => crashes.push(error.stack ?? String(error)));
process.on('unhandledRejection', (reason) =>
  crashes.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)),
);

/** Records every native module the app loads, to show where the keychain binding came from. */
function recordNativeLoads(): void {
  const dlopen = process.dlopen.bind(process);
  process.dlopen = (module: { exports: unknown }, filename: string, ...rest: unknown[]) => {
    nativeLoads.push(filename);
    return (dlopen as (...args: unknown[]) => void)(module, filename, ...rest);
  };
}

/** `pkg` or `@scope/pkg`: the first package folder after the app's top-level node_modules/. */
function packageAt(url: string, appUrl: string): string | null {
  const prefix = `${appUrl}/node_modules/`;
  if (!url.startsWith(prefix)) return null;
  const parts = url.slice(prefix.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? null);
}

/**
 * `require('electron')` and `import 'electron'` (electron-store is ESM) both reach the strict
 * fake; every other specifier resolves as usual, and what dist/ loads from node_modules is noted.
 */
function hookModuleResolution(moduleExports: object, appDir: string, shimDir: string): void {
  (globalThis as Record<symbol, unknown>)[ELECTRON_GLOBAL] = moduleExports;
  const shim = join(shimDir, 'electron-shim.cjs');
  writeFileSync(
    shim,
    `module.exports = globalThis[Symbol.for('meeting-tray.packaged-electron')];\n`,
  );
  const shimUrl = pathToFileURL(shim).href;
  const appUrl = pathToFileURL(appDir).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'electron') return { url: shimUrl, format: 'commonjs', shortCircuit: true };
      const resolved = nextResolve(specifier, context);
      const name = packageAt(resolved.url, appUrl);
      if (name && context.parentURL?.startsWith(`${appUrl}/dist/`)) runtimePackages.add(name);
      return resolved;
    },
  });
}

function boot(config: BootConfig) {
  const manifest = JSON.parse(readFileSync(join(config.appDir, 'package.json'), 'utf8')) as {
    name: string;
    productName?: string;
    version: string;
    main: string;
  };
  const electron = createPackagedElectron({
    appPath: config.appDir,
    dataDir: config.dataDir,
    manifest,
  });
  // The module as the app imports it: Electron's members only, none of the fake's test helpers.
  const { app, BrowserWindow, clipboard, dialog, globalShortcut, ipcMain, Menu } = electron;
  const { nativeImage, nativeTheme, net } = electron;
  const { Notification, powerMonitor, protocol, session, shell, Tray } = electron;
  const moduleExports = strict(
    {
      app,
      BrowserWindow,
      clipboard,
      dialog,
      globalShortcut,
      ipcMain,
      Menu,
      nativeImage,
      nativeTheme,
      net,
      Notification,
      powerMonitor,
      protocol,
      session,
      shell,
      Tray,
    },
    'electron',
    { isFake: isFakeInstance, record },
  );
  Object.defineProperty(process, 'resourcesPath', { value: config.resources });
  process.argv = [config.executable];
  recordNativeLoads();
  mkdirSync(config.dataDir, { recursive: true });
  hookModuleResolution(moduleExports, config.appDir, config.dataDir);
  createRequire(join(config.appDir, 'package.json'))(join(config.appDir, manifest.main));
  // Electron emits `ready` once the main script's first turn is over.
  setImmediate(() => electron.app.finishLaunching());
  return electron;
}

let electron: ReturnType<typeof boot> | null = null;
let renderer: {
  ipc: ConnectedIpcRenderer;
  bridge: RecordingContextBridge;
  delivered: number;
} | null = null;

function booted() {
  if (!electron) throw new Error('not booted');
  return electron;
}

function state() {
  const e = booted();
  return {
    windows: e.windows.map((w) => ({
      loadedUrls: w.loadedUrls,
      visible: w.visible,
      destroyed: w.destroyed,
      webPreferences: w.options.webPreferences ?? {},
      icon: typeof w.options.icon === 'string' ? w.options.icon : null,
    })),
    trays: e.trays.map((t) => ({ labels: t.labels(), tooltip: t.tooltip, image: t.image.path })),
    opened: e.shell.opened,
    errorBoxes: e.dialog.errorBoxes,
    pushes: e.windows[0]?.webContents.sent.map(([channel]) => channel) ?? [],
    violations: record.violations,
    crashes,
    nativeLoads,
    runtimePackages: [...runtimePackages].sort(),
  };
}

async function fetchApp(url: string) {
  const response = await booted().protocol.fetch(url);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}

/** Runs the preload the app gave its window, wired to that window's webContents. */
function preload() {
  const e = booted();
  const window = e.windows[0];
  const file = window?.options.webPreferences?.preload;
  if (!window || !file) throw new Error('no window with a preload');
  const ipc = new ConnectedIpcRenderer(e.ipcMain, window.webContents);
  const bridge = new RecordingContextBridge();
  const rendererElectron = strict({ contextBridge: bridge, ipcRenderer: ipc }, 'electron', {
    isFake: (value) => value === ipc || value === bridge,
    record,
  });
  const run = runSandboxedPreload(file, rendererElectron);
  renderer = { ipc, bridge, delivered: 0 };
  const exposed = [...bridge.exposed].map(([key, api]) => ({
    key,
    methods: Object.keys(api as object).sort(),
  }));
  return { file, required: run.required, exposed };
}

/** Calls a method of the exposed bridge, as the page would. */
async function call(method: string, args: unknown[]) {
  if (!renderer) throw new Error('the preload has not run');
  const [api] = [...renderer.bridge.exposed.values()] as Array<
    Record<string, (...a: unknown[]) => unknown>
  >;
  const fn = api?.[method];
  if (!fn) throw new Error(`the bridge has no ${method}()`);
  const value = await fn(...args);
  renderer.delivered = renderer.ipc.deliverPushes(renderer.delivered);
  return value;
}

/** Quits as the tray's Quit does (`before-quit`), and reports how the app ended. */
async function quit() {
  const e = booted();
  e.app.emit('before-quit', fakeEvent());
  for (let turn = 0; turn < 500 && e.app.exitCodes.length === 0 && e.app.quitCalls === 0; turn++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  return { exitCodes: e.app.exitCodes, quitCalls: e.app.quitCalls };
}

async function answer(request: Request): Promise<unknown> {
  switch (request.op) {
    case 'boot':
      electron = boot(request.config);
      return null;
    case 'state':
      return state();
    case 'fetch':
      return fetchApp(request.url);
    case 'preload':
      return preload();
    case 'call':
      return call(request.method, request.args);
    case 'quit':
      return quit();
  }
}

process.on('message', (request: Request) => {
  answer(request).then(
    (value) => process.send?.({ id: request.id, ok: true, value } satisfies Answer),
    (error: unknown) =>
      process.send?.({
        id: request.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies Answer),
  );
});
