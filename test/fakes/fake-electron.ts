/**
 * A hand-written stand-in for the parts of `electron` the app uses, shaped like the module so the
 * composition-root test can mock `electron` with it. Electron cannot run here, so adapters take
 * electron objects as parameters and tests pass these fakes, typed: each fake implements a Pick
 * of Electron's own type for the members it provides (see ./electron/), and the adapters' own
 * slices for members that hand over Electron objects (events, menus, images, IPC events).
 * `createFakeElectron()` returns fresh classes and its own id counter each time.
 */
import type { BrowserWindowConstructorOptions, NotificationConstructorOptions } from 'electron';
import { FakeApp } from './electron/app.ts';
import { FakeBrowserWindow } from './electron/browser-window.ts';
import { FakeIpcMain } from './electron/ipc-main.ts';
import { FakeNotification } from './electron/notification.ts';
import { FakeProtocol } from './electron/protocol.ts';
import { FakeFetchSession, FakeSession } from './electron/session.ts';
import {
  FakeClipboard,
  FakeDialog,
  FakeNativeTheme,
  FakeNet,
  FakePowerMonitor,
  FakeShell,
} from './electron/system.ts';
import { FakeTray, fakeMenuModule, fakeNativeImage, type FakeImage } from './electron/tray.ts';
import { FakeWebContents } from './electron/web-contents.ts';
import { FakeGlobalShortcut } from './electron/global-shortcut.ts';

export { fakeEvent, type FakeEvent } from './electron/events.ts';
export type { FakeApp } from './electron/app.ts';
export type { FakeBrowserWindow } from './electron/browser-window.ts';
export type { FakeIpcMain, InvokeOrigin } from './electron/ipc-main.ts';
export type { FakeNotification } from './electron/notification.ts';
export type { FakeFetchSession, FakeSession } from './electron/session.ts';
export { press, type FakeImage, type FakeMenu, type FakeTray } from './electron/tray.ts';
export type { FakeFrame, FakeWebContents } from './electron/web-contents.ts';

export interface FakeElectronOptions {
  singleInstanceLock?: boolean;
  online?: boolean;
  notificationsSupported?: boolean;
  /** What app.getAppPath() answers (the composition root finds dist/ and assets/ there). */
  appPath?: string;
}

export interface FakeElectron {
  // --- the module's members, as the app imports them ---
  app: FakeApp;
  BrowserWindow: new (options?: BrowserWindowConstructorOptions) => FakeBrowserWindow;
  clipboard: FakeClipboard;
  dialog: FakeDialog;
  globalShortcut: FakeGlobalShortcut;
  ipcMain: FakeIpcMain;
  Menu: typeof fakeMenuModule;
  nativeImage: typeof fakeNativeImage;
  nativeTheme: FakeNativeTheme;
  net: FakeNet;
  Notification: {
    new (options?: NotificationConstructorOptions): FakeNotification;
    isSupported(): boolean;
  };
  powerMonitor: FakePowerMonitor;
  protocol: FakeProtocol;
  session: {
    defaultSession: FakeSession;
    /** One session per partition name, made on first ask, as Electron's are. */
    fromPartition(partition: string): FakeFetchSession;
  };
  shell: FakeShell;
  Tray: new (image: FakeImage) => FakeTray;
  // --- for tests: what was constructed, in order, and pages that are not ours ---
  windows: FakeBrowserWindow[];
  trays: FakeTray[];
  notifications: FakeNotification[];
  /** A page of its own, with the next id, as Electron gives every web contents. */
  newWebContents(url?: string): FakeWebContents;
}

export function createFakeElectron(options: FakeElectronOptions = {}): FakeElectron {
  let lastWebContentsId = 0;
  const newWebContents = (url = '') => new FakeWebContents(++lastWebContentsId, url);

  const windows: FakeBrowserWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const supported = options.notificationsSupported ?? true;

  class BrowserWindow extends FakeBrowserWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions = {}) {
      super(windowOptions, newWebContents());
      windows.push(this);
    }
  }
  class Tray extends FakeTray {
    constructor(image: FakeImage) {
      super(image);
      trays.push(this);
    }
  }
  class Notification extends FakeNotification {
    static isSupported() {
      return supported;
    }
    constructor(notificationOptions?: NotificationConstructorOptions) {
      super(notificationOptions);
      notifications.push(this);
    }
  }
  const partitions = new Map<string, FakeFetchSession>();
  const fromPartition = (partition: string) => {
    const existing = partitions.get(partition) ?? new FakeFetchSession(partition);
    partitions.set(partition, existing);
    return existing;
  };
  const app = new FakeApp(options.appPath ?? process.cwd());
  app.lockGranted = options.singleInstanceLock ?? true;

  return {
    app,
    BrowserWindow,
    clipboard: new FakeClipboard(),
    dialog: new FakeDialog(),
    globalShortcut: new FakeGlobalShortcut(),
    ipcMain: new FakeIpcMain(),
    Menu: fakeMenuModule,
    nativeImage: fakeNativeImage,
    nativeTheme: new FakeNativeTheme(),
    net: new FakeNet(options.online ?? true),
    Notification,
    powerMonitor: new FakePowerMonitor(),
    protocol: new FakeProtocol(),
    session: { defaultSession: new FakeSession(), fromPartition },
    shell: new FakeShell(),
    Tray,
    windows,
    trays,
    notifications,
    newWebContents,
  };
}
