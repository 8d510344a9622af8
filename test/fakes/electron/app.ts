import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, LoginItemSettings, Settings } from 'electron';

type AppMembers =
  | 'isPackaged'
  | 'getAppPath'
  | 'isReady'
  | 'whenReady'
  | 'requestSingleInstanceLock'
  | 'setAsDefaultProtocolClient'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings'
  | 'setAppUserModelId'
  | 'getApplicationNameForProtocol'
  | 'getSystemLocale'
  | 'quit'
  | 'exit'
  | 'getPath';

/** Not ready until the test says Electron finished launching (`finishLaunching`). */
export class FakeApp extends EventEmitter implements Pick<App, AppMembers> {
  readonly isPackaged = false;
  lockGranted = true;
  readonly protocolClients: Array<{ scheme: string; path?: string; args?: string[] }> = [];
  loginItem: Settings = { openAtLogin: false };
  appUserModelId: string | null = null;
  /** Programs registered for URL schemes, by scheme (`zoommtg`); none unless a test adds one. */
  readonly protocolHandlers = new Map<string, string>();
  /** What `getSystemLocale()` answers: the regional-format locale. */
  systemLocale = 'en-US';
  quitCalls = 0;
  readonly exitCodes: number[] = [];
  private readonly appPath: string;
  /** What getPath() answers, by name ('userData', 'logs', …); unknown names throw, as Electron's do. */
  readonly paths = new Map<string, string>();
  private launched = false;
  private readonly launching: Promise<void>;
  private resolveLaunching: () => void = () => undefined;
  constructor(appPath: string) {
    super();
    this.appPath = appPath;
    this.launching = new Promise((resolve) => (this.resolveLaunching = resolve));
  }
  getAppPath() {
    return this.appPath;
  }
  getPath(name: Parameters<App['getPath']>[0]) {
    const path = this.paths.get(name) ?? this.defaultPath(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  /** Electron always has a data folder (here a fresh temporary one), and logs inside it. */
  private defaultPath(name: string): string | undefined {
    if (name === 'userData') {
      const made = mkdtempSync(join(tmpdir(), 'fake-electron-user-data-'));
      this.paths.set('userData', made);
      return made;
    }
    // Electron's default for logs on Linux and Windows: inside userData.
    return name === 'logs' ? `${this.getPath('userData')}/logs` : undefined;
  }
  isReady() {
    return this.launched;
  }
  whenReady() {
    return this.launching;
  }
  /** What Electron does once it has launched: `isReady()` turns true, `whenReady()` resolves. */
  finishLaunching() {
    if (this.launched) return;
    this.launched = true;
    this.emit('ready');
    this.resolveLaunching();
  }
  requestSingleInstanceLock() {
    return this.lockGranted;
  }
  setAsDefaultProtocolClient(scheme: string, path?: string, args?: string[]) {
    this.protocolClients.push({
      scheme,
      ...(path === undefined ? {} : { path }),
      ...(args === undefined ? {} : { args }),
    });
    return true;
  }
  setLoginItemSettings(settings: Settings) {
    this.loginItem = { ...settings };
  }
  getLoginItemSettings(): LoginItemSettings {
    const openAtLogin = this.loginItem.openAtLogin ?? false;
    return {
      openAtLogin,
      wasOpenedAtLogin: false,
      status: openAtLogin ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: openAtLogin,
      launchItems: [],
    };
  }
  setAppUserModelId(id: string) {
    this.appUserModelId = id;
  }
  /** As Electron: '' when nothing handles the URL's scheme. */
  getApplicationNameForProtocol(url: string) {
    return this.protocolHandlers.get(url.slice(0, url.indexOf(':'))) ?? '';
  }
  getSystemLocale() {
    return this.systemLocale;
  }
  quit() {
    this.quitCalls += 1;
  }
  exit(exitCode = 0) {
    this.exitCodes.push(exitCode);
  }
}
