/**
 * The one typed IPC contract. Main, preload and renderer all import it, so a renamed
 * channel or a changed payload breaks the compile on every side at once.
 * It must stay free of runtime imports (no `electron`, no `node:*`).
 */

// --- errors ---------------------------------------------------------------

/** Stable error codes. Every code has copy in the UI (renderer/copy/error-copy.ts). */
export const ERROR_CODES = [
  'access_denied', // the person pressed Deny on the consent page
  'sign_in_timeout', // no callback within 5 minutes
  'sign_in_cancelled', // the person cancelled
  'browser_open_failed', // the system browser could not be opened
  'loopback_failed', // the 127.0.0.1 callback server could not listen
  'invalid_callback', // a deep link / callback that does not belong to a pending flow
  'token_exchange_failed', // the code could not be exchanged
  'session_expired', // invalid_grant: the refresh token is dead
  'invalid_client', // client id / secret rejected
  'config_invalid', // misconfigured endpoints / client id
  'missing_scope', // Zoom 4711
  'rate_limited', // 429
  'server_error', // 5xx
  'offline', // network failure
  'timeout', // Zoom did not answer within the request's deadline
  'keychain_unavailable', // no Secret Service / denied
  'keychain_locked', // locked keychain (macOS login keychain etc.)
  'settings_unwritable', // the data folder cannot be written: settings and the cache live in memory
  'invalid_argument', // IPC argument failed validation
  'untrusted_sender', // IPC from an unexpected frame
  'not_signed_in',
  'logs_folder_unavailable', // the logs folder could not be opened (or there is none: the harness)
  'shortcut_taken', // the global shortcut is in use by another app (or the system refused it)
  'launch_at_login_failed', // the system would not add or remove Meeting Tray as a login item
  'loopback_port_busy', // the fixed sign-in redirect port (Fathom) is taken by another program
  'fathom_session_expired', // Fathom refused the token after one forced refresh, or invalid_grant
  'fathom_key_invalid', // Fathom refused the personal API key
  'fathom_schema_mismatch', // Fathom answered in a shape we do not understand
  'fathom_not_found', // the recording (or its summary) does not exist
  'unknown',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Result<T = void> =
  { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

// --- data the renderer may see (never tokens) ---------------------------

export interface Profile {
  id: string;
  displayName: string;
  firstName: string;
  lastName: string;
  email: string;
  avatarUrl: string | null;
  timezone: string | null;
  /** Zoom user type: 1 Basic, 2 Licensed, other values are passed through. */
  accountType: number;
}

export interface Meeting {
  /** Stable row key: `${id}@${startTime ?? 'none'}` (recurring occurrences share an id). */
  key: string;
  /** Zoom meeting number, int64, kept as a string so no precision is lost. */
  id: string;
  topic: string;
  /** ISO 8601 UTC, or null for recurring meetings with no fixed time (type 3). */
  startTime: string | null;
  /**
   * `startTime` as epoch ms, read once by main (null with it), so neither the window nor the tray
   * parses 10,000 dates on its first frame or its minute tick.
   */
  startMs: number | null;
  durationMinutes: number;
  timezone: string | null;
  joinUrl: string;
  agenda: string | null;
  /** 1 instant, 2 scheduled, 3 recurring no fixed time, 8 recurring fixed time. */
  type: number;
}

// --- session state: owned by main, pushed to the renderer ----------------

export interface Notice {
  code: ErrorCode;
  message: string;
}

interface SessionBase {
  /** True when no Zoom client id is configured and the in-process sandbox is used. */
  demo: boolean;
  /** Set when the keychain is unavailable: tokens live in memory for this run only. */
  sessionOnly: Notice | null;
  /**
   * Set when settings cannot be saved (an unwritable data folder): the app works from memory,
   * and settings and the offline copy of the meetings last until quit. Absent means none.
   */
  settingsUnsaved?: Notice | null;
}

export type SessionState = SessionBase &
  (
    | {
        kind: 'signed-out';
        /** why we are signed out, e.g. session expired */ reason: Notice | null;
      }
    | { kind: 'signing-in'; authorizationUrl: string | null }
    | {
        kind: 'signed-in';
        profile: Profile;
        meetings: readonly Meeting[];
        /** epoch ms of the last successful fetch, null if never fetched. */
        updatedAt: number | null;
        /** True when the last refresh failed and the data shown is cached. */
        stale: boolean;
        offline: boolean;
        refreshing: boolean;
        /** The last refresh failure, if the data is stale for a reason other than offline. */
        problem: Notice | null;
        /** epoch ms: Zoom asked us (Retry-After) not to call before then. Absent means no wait. */
        waitUntil?: number | null;
        /** True when Zoom's meeting list could not be read to its end: rows may be missing. */
        incomplete?: boolean;
      }
    | { kind: 'error'; code: ErrorCode; message: string }
  );

// --- how the window shows time and opens meetings: pushed by main ------------

/** The `clock` option: follow the system (its locale's habit), or force 12- or 24-hour. */
export type ClockChoice = 'system' | '12h' | '24h';
/** The `joinIn` option: open meetings in the Zoom desktop app (with the browser as fallback), or the browser. */
export type JoinChoice = 'app' | 'browser';
/** h12: 2:05 PM; h23: 14:05. */
export type HourCycle = 'h12' | 'h23';

/**
 * Main's minute, the system's zone and locale, and the person's display choices. Pushed on every
 * minute tick of main's one minute timer (the window runs no timer of its own), when the system
 * time zone changes, and when a choice changes; the Settings screen writes the choices.
 */
export interface DisplayState {
  /** Epoch ms of main's clock at the last tick: the window's "now" for countdowns and "today". */
  now: number;
  /** IANA zone to show times in; null means the page's own (the browser harness). */
  timeZone: string | null;
  /** BCP 47 locale for dates and times (the system's regional format); null means the page's own. */
  locale: string | null;
  /** The system's 12/24-hour setting when the host can read it; null means the locale's habit. */
  systemHourCycle: HourCycle | null;
  clock: ClockChoice;
  joinIn: JoinChoice;
}

export interface SignOutResult {
  /** False when the server could not be reached to revoke: local secrets are deleted anyway. */
  serverRevoked: boolean;
  /**
   * `revoked`: the server confirmed; `not-confirmed`: it could not be reached or refused;
   * `unsupported`: it has no revocation endpoint (Fathom), so nothing was sent. The auth core
   * always sets it; optional so that results built before it existed stay valid.
   */
  revocation?: 'revoked' | 'not-confirmed' | 'unsupported';
}

// --- settings: owned by main, pushed to the renderer (never a secret) ------

/** Zoom's cloud, ZoomGov's, or another authorization server (a proxy, the local sandbox). */
export type ZoomCloud = 'zoom' | 'zoomgov' | 'custom';

/**
 * Where the Zoom account in use comes from, first match wins: the environment (development),
 * what the person entered in Settings, the configuration built into this copy, the demo.
 */
export type ZoomAccountSource = 'environment' | 'settings' | 'built-in' | 'demo';

export interface ZoomAccountView {
  source: ZoomAccountSource;
  /** The client ID in use; empty in demo mode. */
  clientId: string;
  cloud: ZoomCloud;
  /** The authorization server and API base in use (the demo's are the built-in sandbox). */
  oauthBase: string;
  apiBase: string;
  /** True when the account in use has a client secret (kept in the keychain, never shown). */
  hasClientSecret: boolean;
  /** What to register as the Zoom app's redirect URL. */
  redirectUrl: string;
}

/** Reminder lead: 'off', 0 ("when it starts"), or minutes before. */
export type ReminderLeadChoice = 'off' | 0 | 1 | 5 | 10 | 15;
/** The accelerators offered for "join the next meeting" (Electron's accelerator syntax). */
export type ShortcutChoice =
  | 'CommandOrControl+Alt+J'
  | 'CommandOrControl+Shift+J'
  | 'CommandOrControl+Alt+M'
  | 'CommandOrControl+Shift+M'
  | 'CommandOrControl+Alt+Z';

/**
 * The person's everyday choices, as main applies them (plain values, never a secret). Where a
 * host cannot offer one, it says so and the screen leaves the section out or explains.
 */
export interface PreferencesView {
  reminderLead: ReminderLeadChoice;
  clock: ClockChoice;
  joinIn: JoinChoice;
  /** The system's own answer where it can be read, else the last choice; null: not offered here. */
  launchAtLogin: boolean | null;
  shortcut: {
    /** The registered accelerator; null is off (the default). */
    accelerator: ShortcutChoice | null;
    /** Why the shortcut is off though one was chosen (e.g. taken at start-up); null for none. */
    problem: Notice | null;
    /** Spell keys the Mac way (⌘ ⌥ ⇧). */
    macKeys: boolean;
  };
  menuBarTitle: {
    enabled: boolean;
    /** 'here' on macOS; 'preview' where it is shown for review only (the harness); 'hidden' elsewhere. */
    shown: 'here' | 'preview' | 'hidden';
  };
}

/** One change from the Settings screen; validated in main before anything is stored. */
export type PreferenceChange =
  | { key: 'reminderLead'; value: ReminderLeadChoice }
  | { key: 'clock'; value: ClockChoice }
  | { key: 'joinIn'; value: JoinChoice }
  | { key: 'launchAtLogin'; value: boolean }
  | { key: 'shortcut'; value: ShortcutChoice | null }
  | { key: 'menuBarTitle'; value: boolean };
export type PreferenceKey = PreferenceChange['key'];

/** Everything the Settings screen shows, one member per section. */
export interface SettingsView {
  zoomAccount: ZoomAccountView;
  preferences: PreferencesView;
  fathom: FathomSettingsView;
}

/** What Save does with the client secret: the renderer never learns the stored one. */
export type ClientSecretChange =
  { action: 'keep' } | { action: 'remove' } | { action: 'set'; value: string };

export interface ZoomAccountInput {
  clientId: string;
  cloud: ZoomCloud;
  /** Only for the `custom` cloud; Zoom and ZoomGov have fixed bases. */
  oauthBase?: string;
  apiBase?: string;
  clientSecret: ClientSecretChange;
}

/** What the Test button found when it asked the authorization server about the client ID. */
export type ZoomAccountTestOutcome =
  | 'reachable' // the server answered as OAuth servers do, and did not reject the client
  | 'client-rejected' // invalid_client: the client ID (or secret) is not known there
  | 'unreachable' // no answer: a wrong address, no network, a firewall
  | 'timed-out' // no answer within the test's deadline
  | 'unexpected-answer'; // something answered, but not like an OAuth server

export interface ZoomAccountTestResult {
  outcome: ZoomAccountTestOutcome;
  /** The endpoint that was asked, e.g. https://zoom.us/oauth/token. */
  endpoint: string;
  /** The HTTP status, when there was an answer. */
  status: number | null;
}

/** A screen main asks the window to show (the tray's "Settings…"). */
export type ScreenRequest = 'settings';

// --- providers: Zoom (upcoming meetings) and Fathom (recent notes) -------------

/** Zoom's SessionState and channels stay as they are; Fathom has its own state and channels. */
export type ProviderId = 'zoom' | 'fathom';
/** How Fathom is connected: OAuth through the sign-in core, or a personal API key. */
export type FathomMode = 'oauth' | 'api-key';

/** One action item of a note, as the renderer may see it. */
export interface FathomNoteActionItem {
  description: string;
  completed: boolean;
  assignee: { name: string | null; email: string | null };
  /** Main decides: the assignee's email is the person's own. Items are sorted mine first. */
  mine: boolean;
  /** Fathom's own https link into the recording at that moment. */
  playbackUrl: string;
  /** "HH:MM:SS" into the recording. */
  timestamp: string;
}

/** A meeting Fathom recorded: never a token; URLs are Fathom's own https links. */
export interface FathomNote {
  recordingId: number;
  title: string;
  /** ISO 8601 UTC. */
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number | null;
  shareUrl: string;
  recordedBy: { name: string; email: string };
  actionItems: readonly FathomNoteActionItem[];
}

/** One note's summary, fetched only when asked for (fathom:loadSummary). */
export type NoteSummaryState =
  | { kind: 'loading' }
  | { kind: 'ready'; markdown: string; templateName: string | null }
  /** Fathom is still writing it. */
  | { kind: 'processing' }
  | { kind: 'failed'; code: ErrorCode; message: string; retryAt: number | null };

/** Fathom's connection: owned by main, pushed on fathom:changed, independent of Zoom's session. */
export type FathomState =
  | {
      kind: 'not-connected';
      /** Why, e.g. fathom_session_expired or fathom_key_invalid; null when never connected. */
      reason: Notice | null;
      /** After an OAuth disconnect: tell the person to remove the app in Fathom's settings. */
      removeAppHint: boolean;
    }
  | { kind: 'connecting'; mode: FathomMode; authorizationUrl: string | null }
  | {
      kind: 'connected';
      mode: FathomMode;
      /** Recorded in the past 7 days, newest first. */
      notes: readonly FathomNote[];
      /** epoch ms of the last successful listing, null if never. */
      updatedAt: number | null;
      stale: boolean;
      offline: boolean;
      refreshing: boolean;
      problem: Notice | null;
      /** epoch ms: Fathom asked us (429) not to call before then. */
      waitUntil: number | null;
      /** True when Fathom's list could not be read to its end: notes may be missing. */
      incomplete: boolean;
      /** Only the summaries that were asked for, by recording id. */
      summaries: Readonly<Record<number, NoteSummaryState>>;
    }
  | { kind: 'error'; code: ErrorCode; message: string };

/**
 * Where the Fathom OAuth client comes from, first match wins: Settings, the environment
 * (FATHOM_CLIENT_ID, development), the packaged config, the demo sandbox; 'none' = API key only.
 */
export type FathomAccountSource = 'settings' | 'environment' | 'built-in' | 'demo' | 'none';

/** Settings' Fathom section: never the client secret nor the API key, only whether one is saved. */
export interface FathomSettingsView {
  /** The mode connected now, or null when Fathom is not connected. */
  mode: FathomMode | null;
  /** The OAuth client ID in use; empty when there is none. */
  clientId: string;
  hasClientSecret: boolean;
  /** The fixed loopback port Fathom redirects to. */
  redirectPort: number;
  /** What to register as the Fathom app's redirect URL: http://127.0.0.1:<port>/fathom/callback. */
  redirectUri: string;
  source: FathomAccountSource;
}

export interface FathomOAuthInput {
  clientId: string;
  /** Absent: keep the saved secret. */
  clientSecret?: string;
  redirectPort: number;
}

// --- channels ---------------------------------------------------------------

export const Channel = {
  getSession: 'session:get',
  sessionChanged: 'session:changed',
  signIn: 'auth:sign-in',
  cancelSignIn: 'auth:cancel-sign-in',
  reopenSignInPage: 'auth:reopen-sign-in-page',
  signOut: 'auth:sign-out',
  refreshMeetings: 'meetings:refresh',
  openJoinUrl: 'shell:open-join-url',
  copyText: 'clipboard:copy-text',
  getSettings: 'settings:get',
  settingsChanged: 'settings:changed',
  saveZoomAccount: 'settings:save-zoom-account',
  testZoomAccount: 'settings:test-zoom-account',
  resetZoomAccount: 'settings:reset-zoom-account',
  setPreference: 'settings:set-preference',
  screenRequested: 'ui:screen-requested',
  takeScreenRequest: 'ui:take-screen-request',
  openLogsFolder: 'shell:open-logs-folder',
  getDisplay: 'display:get',
  displayChanged: 'display:changed',
  getFathom: 'fathom:get',
  fathomChanged: 'fathom:changed',
  connectFathomOAuth: 'fathom:connectOAuth',
  cancelFathomConnect: 'fathom:cancelConnect',
  reopenFathomConnectPage: 'fathom:reopenConnectPage',
  connectFathomApiKey: 'fathom:connectApiKey',
  disconnectFathom: 'fathom:disconnect',
  refreshFathom: 'fathom:refresh',
  loadFathomSummary: 'fathom:loadSummary',
  openFathomLink: 'fathom:openLink',
  saveFathomOAuth: 'settings:saveFathomOAuth',
} as const;

/** What main pushes on each push-only channel. */
export interface PushMap {
  [Channel.sessionChanged]: SessionState;
  [Channel.settingsChanged]: SettingsView;
  /** Main has a screen for the window to show: the page asks for it with takeScreenRequest. */
  [Channel.screenRequested]: null;
  /** Main's minute, zone, locale and display choices. */
  [Channel.displayChanged]: DisplayState;
  /** Fathom's connection, on every change. */
  [Channel.fathomChanged]: FathomState;
}
export type PushChannel = keyof PushMap;
export const PUSH_CHANNELS: readonly PushChannel[] = [
  Channel.sessionChanged,
  Channel.settingsChanged,
  Channel.screenRequested,
  Channel.displayChanged,
  Channel.fathomChanged,
];

export type InvokeChannel = Exclude<(typeof Channel)[keyof typeof Channel], PushChannel>;

/** Every channel the renderer may invoke: all of them but the push-only ones. The one list. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = Object.values(Channel).filter(
  (channel): channel is InvokeChannel => !PUSH_CHANNELS.some((push) => push === channel),
);

/** Request/response shapes of every invoke channel. Arguments are validated in main. */
export interface InvokeMap {
  [Channel.getSession]: { args: []; result: SessionState };
  [Channel.signIn]: { args: []; result: Result<void> };
  [Channel.cancelSignIn]: { args: []; result: Result<void> };
  [Channel.reopenSignInPage]: { args: []; result: Result<void> };
  [Channel.signOut]: { args: []; result: Result<SignOutResult> };
  [Channel.refreshMeetings]: { args: []; result: Result<void> };
  [Channel.openJoinUrl]: { args: [url: string]; result: Result<void> };
  [Channel.copyText]: { args: [text: string]; result: Result<void> };
  [Channel.getSettings]: { args: []; result: Result<SettingsView> };
  [Channel.saveZoomAccount]: { args: [input: ZoomAccountInput]; result: Result<SettingsView> };
  [Channel.testZoomAccount]: {
    args: [input: ZoomAccountInput];
    result: Result<ZoomAccountTestResult>;
  };
  [Channel.resetZoomAccount]: { args: []; result: Result<SettingsView> };
  [Channel.setPreference]: { args: [change: PreferenceChange]; result: Result<SettingsView> };
  /** Hands over (and forgets) the screen main asked for, so it is shown exactly once. */
  [Channel.takeScreenRequest]: { args: []; result: Result<ScreenRequest | null> };
  [Channel.openLogsFolder]: { args: []; result: Result<void> };
  [Channel.getDisplay]: { args: []; result: DisplayState };
  [Channel.getFathom]: { args: []; result: FathomState };
  [Channel.connectFathomOAuth]: { args: []; result: Result<void> };
  [Channel.cancelFathomConnect]: { args: []; result: Result<void> };
  [Channel.reopenFathomConnectPage]: { args: []; result: Result<void> };
  [Channel.connectFathomApiKey]: { args: [apiKey: string]; result: Result<void> };
  [Channel.disconnectFathom]: { args: []; result: Result<{ removeAppHint: boolean }> };
  [Channel.refreshFathom]: { args: []; result: Result<void> };
  [Channel.loadFathomSummary]: { args: [recordingId: number]; result: Result<void> };
  [Channel.openFathomLink]: { args: [url: string]; result: Result<void> };
  [Channel.saveFathomOAuth]: { args: [input: FathomOAuthInput]; result: Result<SettingsView> };
}

/** What the preload exposes as `window.meetingTray`: one named method per channel. */
export interface MeetingTrayApi {
  getSession(): Promise<SessionState>;
  onSessionChanged(listener: (state: SessionState) => void): () => void;
  signIn(): Promise<Result<void>>;
  cancelSignIn(): Promise<Result<void>>;
  reopenSignInPage(): Promise<Result<void>>;
  signOut(): Promise<Result<SignOutResult>>;
  refreshMeetings(): Promise<Result<void>>;
  openJoinUrl(url: string): Promise<Result<void>>;
  copyText(text: string): Promise<Result<void>>;
  getSettings(): Promise<Result<SettingsView>>;
  onSettingsChanged(listener: (view: SettingsView) => void): () => void;
  /** Signs out of the account in use first (revoke + wipe) when the account changes. */
  saveZoomAccount(input: ZoomAccountInput): Promise<Result<SettingsView>>;
  testZoomAccount(input: ZoomAccountInput): Promise<Result<ZoomAccountTestResult>>;
  /** Forgets the account entered in Settings: back to the built-in one, or the demo. */
  resetZoomAccount(): Promise<Result<SettingsView>>;
  /** One preference (reminders, clock, join, launch at login, shortcut, menu-bar title), applied at once. */
  setPreference(change: PreferenceChange): Promise<Result<SettingsView>>;
  onScreenRequested(listener: () => void): () => void;
  takeScreenRequest(): Promise<Result<ScreenRequest | null>>;
  /** Settings' "Open logs folder": the folder holding main.log, in the file manager. */
  openLogsFolder(): Promise<Result<void>>;
  getDisplay(): Promise<DisplayState>;
  onDisplayChanged(listener: (display: DisplayState) => void): () => void;
  getFathom(): Promise<FathomState>;
  onFathomChanged(listener: (state: FathomState) => void): () => void;
  /** Opens Fathom's consent page in the browser (same sign-in core as Zoom). */
  connectFathomOAuth(): Promise<Result<void>>;
  cancelFathomConnect(): Promise<Result<void>>;
  /** Opens the pending consent page again (the state's authorizationUrl). */
  reopenFathomConnectPage(): Promise<Result<void>>;
  /** Validated with one call, stored only in the keychain, never echoed back. */
  connectFathomApiKey(apiKey: string): Promise<Result<void>>;
  /** Wipes the local secrets and the notes cache; removeAppHint for OAuth (no revoke endpoint). */
  disconnectFathom(): Promise<Result<{ removeAppHint: boolean }>>;
  refreshFathom(): Promise<Result<void>>;
  /** The summary arrives in the pushed state (cached, one call per id, rate-limit aware). */
  loadFathomSummary(recordingId: number): Promise<Result<void>>;
  /** Opens a Fathom https link (a note's share link, an action item's playback link). */
  openFathomLink(url: string): Promise<Result<void>>;
  saveFathomOAuth(input: FathomOAuthInput): Promise<Result<SettingsView>>;
}

export const BRIDGE_KEY = 'meetingTray';
