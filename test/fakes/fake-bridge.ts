/**
 * An in-memory `window.meetingTray` for renderer tests and screenshots. Plain functions, no
 * `vi`, so Playwright or a harness can use it too. Calls are recorded; results can be scripted
 * per method (a value, or a function returning a promise the test resolves when it wants).
 */
import type {
  DisplayState,
  FathomState,
  MeetingTrayApi,
  Result,
  ScreenRequest,
  SessionState,
  SettingsView,
  SignOutResult,
  ZoomAccountTestResult,
} from '../../preload/contract.ts';
import { DEFAULT_PREFERENCES } from './preferences-view.ts';
import { FIXTURE_DISPLAY } from './fake-display.ts';

type ActionName = Exclude<
  keyof MeetingTrayApi,
  | 'getSession'
  | 'onSessionChanged'
  | 'onSettingsChanged'
  | 'onScreenRequested'
  | 'getDisplay'
  | 'onDisplayChanged'
  | 'getFathom'
  | 'onFathomChanged'
>;
type ActionResult<K extends ActionName> = Awaited<ReturnType<MeetingTrayApi[K]>>;
type Responder<K extends ActionName> =
  | ActionResult<K>
  | ((...args: Parameters<MeetingTrayApi[K]>) => ActionResult<K> | Promise<ActionResult<K>>);

export interface RecordedCall {
  method: keyof MeetingTrayApi;
  args: readonly unknown[];
}

export interface FakeBridge extends MeetingTrayApi {
  /** Emits a session change to every subscriber, as main would. */
  push(state: SessionState): void;
  /** Emits a settings view to every subscriber; getSettings answers it from then on. */
  pushSettings(view: SettingsView): void;
  /** Main asks for a screen, as the tray's "Settings…" does: pushes, then takeScreenRequest answers it once. */
  requestScreen(screen: ScreenRequest): void;
  /** Emits a display change (a minute tick, a new zone or choice), as main would. */
  pushDisplay(display: Partial<DisplayState>): void;
  /** Emits Fathom's state to every subscriber, as main would; getFathom answers it from then on. */
  pushFathom(state: FathomState): void;
  /** Every call, in order. */
  readonly calls: readonly RecordedCall[];
  /** The argument lists of every call to one method. */
  callsTo(method: keyof MeetingTrayApi): unknown[][];
  /** Scripts what an action answers from now on. */
  respond<K extends ActionName>(method: K, responder: Responder<K>): void;
  /** Makes getSession answer only when the returned function is called (to test races). */
  holdGetSession(): () => void;
  listenerCount(): number;
  /** The state getSession would answer now (the last pushed one). */
  current(): SessionState;
  /** The display getDisplay would answer now. */
  currentDisplay(): DisplayState;
}

const OK: Result<void> = { ok: true, value: undefined };
/** What a fresh demo install's Settings screen shows. */
export const DEMO_SETTINGS: SettingsView = {
  zoomAccount: {
    source: 'demo',
    clientId: '',
    cloud: 'custom',
    oauthBase: 'http://127.0.0.1:4010',
    apiBase: 'http://127.0.0.1:4010/v2',
    hasClientSecret: false,
    redirectUrl: 'http://127.0.0.1/callback',
  },
  preferences: DEFAULT_PREFERENCES,
  fathom: {
    mode: null,
    clientId: 'demo-fathom-client',
    hasClientSecret: true,
    redirectPort: 53682,
    redirectUri: 'http://127.0.0.1:53682/fathom/callback',
    source: 'demo',
  },
};
/** Fathom as a fresh install has it: never connected. */
export const FATHOM_NOT_CONNECTED: FathomState = {
  kind: 'not-connected',
  reason: null,
  removeAppHint: false,
};
const REACHABLE: Result<ZoomAccountTestResult> = {
  ok: true,
  value: { outcome: 'reachable', endpoint: 'https://zoom.us/oauth/token', status: 400 },
};
const REVOKED: Result<SignOutResult> = { ok: true, value: { serverRevoked: true } };

/** A promise the caller settles later; for scripting slow actions (e.g. refresh progress). */
export function createDeferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

export interface FakeBridgeOptions {
  /** What getSettings answers until a pushSettings; a fresh demo install's by default. */
  settings?: SettingsView;
  /** Over the fixtures' display (fake-display.ts). */
  display?: Partial<DisplayState>;
  /** What getFathom answers until a pushFathom; never connected by default. */
  fathom?: FathomState;
}

export function createFakeBridge(
  initial: SessionState,
  options: FakeBridgeOptions = {},
): FakeBridge {
  let state = initial;
  let settings = options.settings ?? DEMO_SETTINGS;
  let screen: ScreenRequest | null = null;
  const settingsListeners = new Set<(view: SettingsView) => void>();
  const screenListeners = new Set<() => void>();
  let display: DisplayState = { ...FIXTURE_DISPLAY, ...options.display };
  const displayListeners = new Set<(display: DisplayState) => void>();
  let fathom = options.fathom ?? FATHOM_NOT_CONNECTED;
  const fathomListeners = new Set<(state: FathomState) => void>();
  let getSessionGate: Promise<void> | null = null;
  const listeners = new Set<(state: SessionState) => void>();
  const calls: RecordedCall[] = [];
  const responders = new Map<ActionName, unknown>();

  const record = (method: keyof MeetingTrayApi, args: readonly unknown[]) => {
    calls.push({ method, args });
  };

  async function answer<K extends ActionName>(
    method: K,
    fallback: ActionResult<K>,
    args: Parameters<MeetingTrayApi[K]>,
  ): Promise<ActionResult<K>> {
    record(method, args);
    const responder = responders.get(method) as Responder<K> | undefined;
    if (responder === undefined) return fallback;
    if (typeof responder === 'function') {
      const call = responder as (
        ...a: Parameters<MeetingTrayApi[K]>
      ) => ActionResult<K> | Promise<ActionResult<K>>;
      return call(...args);
    }
    return responder;
  }

  return {
    calls,
    push(next) {
      state = next;
      for (const listener of [...listeners]) listener(next);
    },
    pushSettings(view) {
      settings = view;
      for (const listener of [...settingsListeners]) listener(view);
    },
    requestScreen(next) {
      screen = next;
      for (const listener of [...screenListeners]) listener();
    },
    pushDisplay(next) {
      display = { ...display, ...next };
      for (const listener of [...displayListeners]) listener(display);
    },
    pushFathom(next) {
      fathom = next;
      for (const listener of [...fathomListeners]) listener(next);
    },
    callsTo: (method) =>
      calls.filter((call) => call.method === method).map((call) => [...call.args]),
    respond(method, responder) {
      responders.set(method, responder);
    },
    holdGetSession() {
      const gate = createDeferred<void>();
      getSessionGate = gate.promise;
      return () => gate.resolve();
    },
    listenerCount: () => listeners.size,
    current: () => state,
    currentDisplay: () => display,

    async getSession() {
      record('getSession', []);
      const asked = state;
      if (getSessionGate) await getSessionGate;
      // Answers with the state as it was when asked, like a reply already in flight.
      return asked;
    },
    onSessionChanged(listener) {
      record('onSessionChanged', []);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    signIn: () => answer('signIn', OK, []),
    cancelSignIn: () => answer('cancelSignIn', OK, []),
    reopenSignInPage: () => answer('reopenSignInPage', OK, []),
    signOut: () => answer('signOut', REVOKED, []),
    refreshMeetings: () => answer('refreshMeetings', OK, []),
    openJoinUrl: (url) => answer('openJoinUrl', OK, [url]),
    copyText: (text) => answer('copyText', OK, [text]),
    getSettings: () => answer('getSettings', { ok: true, value: settings }, []),
    onSettingsChanged(listener) {
      record('onSettingsChanged', []);
      settingsListeners.add(listener);
      return () => {
        settingsListeners.delete(listener);
      };
    },
    saveZoomAccount: (input) => answer('saveZoomAccount', { ok: true, value: settings }, [input]),
    testZoomAccount: (input) => answer('testZoomAccount', REACHABLE, [input]),
    resetZoomAccount: () => answer('resetZoomAccount', { ok: true, value: settings }, []),
    setPreference: (change) => answer('setPreference', { ok: true, value: settings }, [change]),
    onScreenRequested(listener) {
      record('onScreenRequested', []);
      screenListeners.add(listener);
      return () => {
        screenListeners.delete(listener);
      };
    },
    takeScreenRequest: () => {
      const taken = screen;
      screen = null;
      return answer('takeScreenRequest', { ok: true, value: taken }, []);
    },
    openLogsFolder: () => answer('openLogsFolder', OK, []),
    async getDisplay() {
      record('getDisplay', []);
      return display;
    },
    onDisplayChanged(listener) {
      record('onDisplayChanged', []);
      displayListeners.add(listener);
      return () => {
        displayListeners.delete(listener);
      };
    },
    async getFathom() {
      record('getFathom', []);
      return fathom;
    },
    onFathomChanged(listener) {
      record('onFathomChanged', []);
      fathomListeners.add(listener);
      return () => {
        fathomListeners.delete(listener);
      };
    },
    connectFathomOAuth: () => answer('connectFathomOAuth', OK, []),
    cancelFathomConnect: () => answer('cancelFathomConnect', OK, []),
    reopenFathomConnectPage: () => answer('reopenFathomConnectPage', OK, []),
    connectFathomApiKey: (apiKey) => answer('connectFathomApiKey', OK, [apiKey]),
    disconnectFathom: () =>
      answer('disconnectFathom', { ok: true, value: { removeAppHint: true } }, []),
    refreshFathom: () => answer('refreshFathom', OK, []),
    loadFathomSummary: (recordingId) => answer('loadFathomSummary', OK, [recordingId]),
    openFathomLink: (url) => answer('openFathomLink', OK, [url]),
    saveFathomOAuth: (input) => answer('saveFathomOAuth', { ok: true, value: settings }, [input]),
  };
}
