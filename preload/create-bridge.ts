import {
  Channel,
  type InvokeChannel,
  type InvokeMap,
  type MeetingTrayApi,
  type PushChannel,
  type PushMap,
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

  const listen = <K extends PushChannel>(channel: K, listener: (payload: PushMap[K]) => void) =>
    transport.subscribe(channel, (payload) => listener(payload as PushMap[K]));

  return {
    getSession: () => call(Channel.getSession),
    onSessionChanged: (listener) => listen(Channel.sessionChanged, listener),
    signIn: () => call(Channel.signIn),
    cancelSignIn: () => call(Channel.cancelSignIn),
    reopenSignInPage: () => call(Channel.reopenSignInPage),
    signOut: () => call(Channel.signOut),
    refreshMeetings: () => call(Channel.refreshMeetings),
    openJoinUrl: (url) => call(Channel.openJoinUrl, url),
    copyText: (text) => call(Channel.copyText, text),
    getSettings: () => call(Channel.getSettings),
    onSettingsChanged: (listener) => listen(Channel.settingsChanged, listener),
    saveZoomAccount: (input) => call(Channel.saveZoomAccount, input),
    testZoomAccount: (input) => call(Channel.testZoomAccount, input),
    resetZoomAccount: () => call(Channel.resetZoomAccount),
    setPreference: (change) => call(Channel.setPreference, change),
    onScreenRequested: (listener) => listen(Channel.screenRequested, () => listener()),
    takeScreenRequest: () => call(Channel.takeScreenRequest),
    openLogsFolder: () => call(Channel.openLogsFolder),
    getDisplay: () => call(Channel.getDisplay),
    onDisplayChanged: (listener) => listen(Channel.displayChanged, listener),
    getFathom: () => call(Channel.getFathom),
    onFathomChanged: (listener) => listen(Channel.fathomChanged, listener),
    connectFathomOAuth: () => call(Channel.connectFathomOAuth),
    cancelFathomConnect: () => call(Channel.cancelFathomConnect),
    reopenFathomConnectPage: () => call(Channel.reopenFathomConnectPage),
    connectFathomApiKey: (apiKey) => call(Channel.connectFathomApiKey, apiKey),
    disconnectFathom: () => call(Channel.disconnectFathom),
    refreshFathom: () => call(Channel.refreshFathom),
    loadFathomSummary: (recordingId) => call(Channel.loadFathomSummary, recordingId),
    openFathomLink: (url) => call(Channel.openFathomLink, url),
    saveFathomOAuth: (input) => call(Channel.saveFathomOAuth, input),
  };
}
