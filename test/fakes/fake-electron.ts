/**
 * A small hand-written stand-in for the parts of `electron` the adapters use. Electron cannot
 * run here, so adapters take electron objects as parameters and tests pass these fakes.
 * `createFakeElectron()` returns fresh classes each time: no state leaks between tests.
 */
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Casts a fake to the Electron type an adapter expects; tests only call what the fake implements. */
export function asElectron<T>(fake: unknown): T {
  return fake as T;
}

export class FakeFrame {
  url: string;
  constructor(url: string) {
    this.url = url;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id: number;
  readonly mainFrame = new FakeFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: Array<[string, unknown]> = [];
  constructor(id = 1) {
    super();
    this.id = id;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  getURL() {
    return this.mainFrame.url;
  }
  /** Simulates the page trying to navigate; returns whether it was blocked. */
  tryNavigate(url: string): boolean {
    const event = fakeEvent();
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
  tryOpenWindow(url: string) {
    if (!this.windowOpenHandler) throw new Error('no window open handler');
    return this.windowOpenHandler({ url });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  visible = false;
  destroyed = false;
  focused = false;
  minimized = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
  }
  async loadURL(url: string) {
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
  }
  show() {
    if (this.visible) return;
    this.visible = true;
    this.emit('show');
  }
  hide() {
    if (!this.visible) return;
    this.visible = false;
    this.emit('hide');
  }
  focus() {
    this.focused = true;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  /** The close button: emits `close`, and really closes unless a listener prevents it. */
  close() {
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
}

export interface FakeMenu {
  template: Array<Record<string, unknown>>;
}

export class FakeTray extends EventEmitter {
  image: unknown;
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  menuBuilds = 0;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle(text: string) {
    this.title = text;
  }
  setContextMenu(menu: FakeMenu) {
    this.menu = menu;
    this.menuBuilds += 1;
  }
  setImage(image: unknown) {
    this.image = image;
  }
  destroy() {
    this.destroyed = true;
  }
  labels(): string[] {
    return (this.menu?.template ?? []).map((i) =>
      i.type === 'separator' ? '---' : String(i.label),
    );
  }
  /** Clicks the first enabled menu item with this label. */
  clickItem(label: string) {
    const item = this.menu?.template.find((i) => i.label === label && i.enabled !== false);
    if (!item || typeof item.click !== 'function')
      throw new Error(`no clickable menu item "${label}"`);
    (item.click as () => void)();
  }
}

export interface NotificationOptions {
  title: string;
  body: string;
  actions?: Array<{ type: string; text: string }>;
}

export class FakeNotification extends EventEmitter {
  readonly options: NotificationOptions;
  shown = false;
  constructor(options: NotificationOptions) {
    super();
    this.options = options;
  }
  show() {
    this.shown = true;
  }
}

export class FakeApp extends EventEmitter {
  lockGranted = true;
  readonly protocolClients: Array<{ scheme: string; path?: string; args?: string[] }> = [];
  loginItem: { openAtLogin: boolean; args?: string[] } = { openAtLogin: false };
  quitCalls = 0;
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
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }) {
    this.loginItem = { ...settings };
  }
  getLoginItemSettings() {
    return { ...this.loginItem };
  }
  quit() {
    this.quitCalls += 1;
  }
}

type InvokeListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Calls a handler as the renderer would, from a main frame, a subframe or a destroyed frame. */
  invoke(
    channel: string,
    from: { url: string; mainFrame?: boolean; destroyed?: boolean },
    ...args: unknown[]
  ) {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    const sender = new FakeWebContents(2);
    const frame = from.destroyed
      ? null
      : from.mainFrame === false
        ? new FakeFrame(from.url)
        : sender.mainFrame;
    if (frame) frame.url = from.url;
    return listener({ sender, senderFrame: frame }, ...args);
  }
}

type RequestHandler = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type CheckHandler = (
  wc: unknown,
  permission: string,
  origin: string,
  details: Record<string, unknown>,
) => boolean;

export class FakeSession {
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  setPermissionRequestHandler(handler: RequestHandler) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler) {
    this.checkHandler = handler;
  }
  /** Asks as a page would; resolves with the decision. */
  request(permission: string, requestingUrl: string): Promise<boolean> {
    return new Promise((resolve) => {
      if (!this.requestHandler) throw new Error('no permission request handler');
      this.requestHandler({ getURL: () => requestingUrl }, permission, resolve, { requestingUrl });
    });
  }
  check(permission: string, origin: string): boolean {
    if (!this.checkHandler) throw new Error('no permission check handler');
    return this.checkHandler(null, permission, origin, {});
  }
}

export class FakeProtocol {
  readonly privileged: Array<{ scheme: string; privileges?: Record<string, boolean> }> = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response>>();
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  ) {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  }
}

export interface FakeElectron {
  /** Constructed windows, trays and notifications, in order. */
  windows: FakeBrowserWindow[];
  trays: FakeTray[];
  notifications: FakeNotification[];
  BrowserWindow: typeof FakeBrowserWindow;
  Tray: typeof FakeTray;
  Notification: typeof FakeNotification & { isSupported(): boolean };
  Menu: { buildFromTemplate(template: Array<Record<string, unknown>>): FakeMenu };
  app: FakeApp;
  ipcMain: FakeIpcMain;
  session: FakeSession;
  protocol: FakeProtocol;
  powerMonitor: EventEmitter;
  net: { online: boolean; isOnline(): boolean };
  shell: { opened: string[]; openExternal(url: string): Promise<void> };
  nativeImage: { createFromPath(path: string): { path: string } };
}

export function createFakeElectron(
  options: {
    singleInstanceLock?: boolean;
    online?: boolean;
    notificationsSupported?: boolean;
  } = {},
): FakeElectron {
  const windows: FakeBrowserWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const supported = options.notificationsSupported ?? true;

  class TrackedWindow extends FakeBrowserWindow {
    constructor(windowOptions: Record<string, unknown>) {
      super(windowOptions);
      windows.push(this);
    }
  }
  class TrackedTray extends FakeTray {
    constructor(image: unknown) {
      super(image);
      trays.push(this);
    }
  }
  class TrackedNotification extends FakeNotification {
    static isSupported() {
      return supported;
    }
    constructor(notificationOptions: NotificationOptions) {
      super(notificationOptions);
      notifications.push(this);
    }
  }
  const app = new FakeApp();
  app.lockGranted = options.singleInstanceLock ?? true;

  return {
    windows,
    trays,
    notifications,
    BrowserWindow: TrackedWindow,
    Tray: TrackedTray,
    Notification: TrackedNotification,
    Menu: { buildFromTemplate: (template) => ({ template }) },
    app,
    ipcMain: new FakeIpcMain(),
    session: new FakeSession(),
    protocol: new FakeProtocol(),
    powerMonitor: new EventEmitter(),
    net: {
      online: options.online ?? true,
      isOnline() {
        return this.online;
      },
    },
    shell: {
      opened: [],
      async openExternal(url) {
        this.opened.push(url);
      },
    },
    nativeImage: { createFromPath: (path) => ({ path }) },
  };
}
