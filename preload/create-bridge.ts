import {
  Channel,
  type InvokeChannel,
  type InvokeMap,
  type MeetingTrayApi,
  type PushChannel,
  type SessionState,
  type SettingsView,
} from './contract.ts';

/**
 * How the bridge reaches main. Electron's preload uses ipcRenderer; the browser harness uses
 * HTTP + server-sent events. Everything above the transport is this one shared file.
 */
export interface BridgeTransport {
  invoke(channel: InvokeChannel, args: readonly unknown[]): Promise<unknown>;
  /** Delivers only the payload (never a transport event object); returns an unsubscribe. */
  subscribe(channel: PushChannel, listener: (payload: unknown) => void): () => void;
}

export function createBridge(transport: BridgeTransport): MeetingTrayApi {
  const call = <K extends InvokeChannel>(channel: K, ...args: InvokeMap[K]['args']) =>
    transport.invoke(channel, args) as Promise<InvokeMap[K]['result']>;

  return {
    getSession: () => call(Channel.getSession),
    onSessionChanged: (listener) =>
      transport.subscribe(Channel.sessionChanged, (payload) => listener(payload as SessionState)),
    signIn: () => call(Channel.signIn),
    cancelSignIn: () => call(Channel.cancelSignIn),
    reopenSignInPage: () => call(Channel.reopenSignInPage),
    signOut: () => call(Channel.signOut),
    refreshMeetings: () => call(Channel.refreshMeetings),
    openJoinUrl: (url) => call(Channel.openJoinUrl, url),
    copyText: (text) => call(Channel.copyText, text),
    getSettings: () => call(Channel.getSettings),
    onSettingsChanged: (listener) =>
      transport.subscribe(Channel.settingsChanged, (payload) => listener(payload as SettingsView)),
    saveZoomAccount: (input) => call(Channel.saveZoomAccount, input),
    testZoomAccount: (input) => call(Channel.testZoomAccount, input),
    resetZoomAccount: () => call(Channel.resetZoomAccount),
    onScreenRequested: (listener) => transport.subscribe(Channel.screenRequested, () => listener()),
    takeScreenRequest: () => call(Channel.takeScreenRequest),
    openLogsFolder: () => call(Channel.openLogsFolder),
  };
}
