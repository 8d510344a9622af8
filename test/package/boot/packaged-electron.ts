// The `electron` module a packaged app's main process meets, made from the typed fakes in
// test/fakes/electron/ plus what an installed app asks of Electron beyond the composition-root
// test (being packaged, its name and version, its folders), typed as Picks of Electron's own
// type. Which members the app may use is decided by strict-proxy.ts: whatever is missing throws.
import { join } from 'node:path';
import type { App } from 'electron';
import { FakeApp } from '../../fakes/electron/app.ts';
import { FakeBrowserWindow } from '../../fakes/electron/browser-window.ts';
import { FakeGlobalShortcut } from '../../fakes/electron/global-shortcut.ts';
import { FakeIpcMain } from '../../fakes/electron/ipc-main.ts';
import { FakeNotification } from '../../fakes/electron/notification.ts';
import { FakeProtocol } from '../../fakes/electron/protocol.ts';
import { FakeFetchSession, FakeSession } from '../../fakes/electron/session.ts';
import {
  FakeClipboard,
  FakeDialog,
  FakeNativeTheme,
  FakeNet,
  FakePowerMonitor,
  FakeShell,
} from '../../fakes/electron/system.ts';
import { FakeImage, FakeMenu, FakeTray } from '../../fakes/electron/tray.ts';
import { FakeFrame, FakeWebContents } from '../../fakes/electron/web-contents.ts';
import { createFakeElectron, type FakeElectron } from '../../fakes/fake-electron.ts';

/** The folders an installed app may ask Electron for, each under the test's data folder. */
const APP_FOLDERS = ['home', 'appData', 'userData', 'sessionData', 'logs', 'temp', 'crashDumps'];

/** Electron's app as an installed build sees it: packaged, with its own name, version and folders. */
export class PackagedApp extends FakeApp implements Pick<App, 'getName' | 'getVersion'> {
  private readonly manifest: { name: string; productName?: string; version: string };
  constructor(appPath: string, dataDir: string, manifest: PackagedApp['manifest']) {
    super(appPath);
    this.manifest = manifest;
    for (const name of APP_FOLDERS) this.paths.set(name, join(dataDir, name));
    // FakeApp pins isPackaged to false (a development run); an installed app runs from its asar.
    Object.defineProperty(this, 'isPackaged', { value: true });
  }
  getName() {
    return this.manifest.productName ?? this.manifest.name;
  }
  getVersion() {
    return this.manifest.version;
  }
}

/** Classes whose instances are fakes (strict-proxy.ts wraps them); data they return is not. */
export const FAKE_CLASSES: ReadonlyArray<abstract new (...args: never[]) => object> = [
  FakeApp,
  FakeBrowserWindow,
  FakeClipboard,
  FakeDialog,
  FakeFetchSession,
  FakeFrame,
  FakeGlobalShortcut,
  FakeImage,
  FakeIpcMain,
  FakeMenu,
  FakeNativeTheme,
  FakeNet,
  FakeNotification,
  FakePowerMonitor,
  FakeProtocol,
  FakeSession,
  FakeShell,
  FakeTray,
  FakeWebContents,
];

export const isFakeInstance = (value: object) => FAKE_CLASSES.some((C) => value instanceof C);

export interface PackagedElectron extends FakeElectron {
  app: PackagedApp;
}

export function createPackagedElectron(options: {
  appPath: string;
  dataDir: string;
  manifest: { name: string; productName?: string; version: string };
}): PackagedElectron {
  const fake = createFakeElectron({ appPath: options.appPath });
  return { ...fake, app: new PackagedApp(options.appPath, options.dataDir, options.manifest) };
}
