// Runs the real Electron preload (preload/index.ts) against a fake contextBridge and
// ipcRenderer: what the page can reach is exactly one named method per contract channel.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BRIDGE_KEY,
  Channel,
  INVOKE_CHANNELS,
  type MeetingTrayApi,
} from '../../preload/contract.ts';
import { signedIn } from '../fakes/session-fixtures.ts';

const electron = await vi.hoisted(async () =>
  (await import('../fakes/fake-preload-electron.ts')).createFakePreloadElectron(),
);
vi.mock('electron', () => electron);
const { contextBridge, ipcRenderer } = electron;

const ZOOM_ACCOUNT = { clientId: 'AbC', cloud: 'zoom', clientSecret: { action: 'keep' } };

/** Every method the page may call that invokes main, the arguments it takes, its channel. */
const INVOKES: Array<[keyof MeetingTrayApi, unknown[], string]> = [
  ['getSession', [], Channel.getSession],
  ['signIn', [], Channel.signIn],
  ['cancelSignIn', [], Channel.cancelSignIn],
  ['reopenSignInPage', [], Channel.reopenSignInPage],
  ['signOut', [], Channel.signOut],
  ['refreshMeetings', [], Channel.refreshMeetings],
  ['openJoinUrl', ['https://us05web.zoom.us/j/1'], Channel.openJoinUrl],
  ['copyText', ['Join: https://us05web.zoom.us/j/1'], Channel.copyText],
  ['getSettings', [], Channel.getSettings],
  ['saveZoomAccount', [ZOOM_ACCOUNT], Channel.saveZoomAccount],
  ['testZoomAccount', [ZOOM_ACCOUNT], Channel.testZoomAccount],
  ['resetZoomAccount', [], Channel.resetZoomAccount],
  ['setPreference', [{ key: 'clock', value: '12h' }], Channel.setPreference],
  ['takeScreenRequest', [], Channel.takeScreenRequest],
  ['openLogsFolder', [], Channel.openLogsFolder],
  ['getDisplay', [], Channel.getDisplay],
  ['getFathom', [], Channel.getFathom],
  ['connectFathomOAuth', [], Channel.connectFathomOAuth],
  ['cancelFathomConnect', [], Channel.cancelFathomConnect],
  ['reopenFathomConnectPage', [], Channel.reopenFathomConnectPage],
  ['connectFathomApiKey', ['abc.def'], Channel.connectFathomApiKey],
  ['disconnectFathom', [], Channel.disconnectFathom],
  ['refreshFathom', [], Channel.refreshFathom],
  ['loadFathomSummary', [41], Channel.loadFathomSummary],
  ['openFathomLink', ['https://fathom.video/share/x'], Channel.openFathomLink],
  [
    'saveFathomOAuth',
    [{ clientId: 'abc', clientSecret: 's', redirectPort: 53682 }],
    Channel.saveFathomOAuth,
  ],
];
/** The push listeners: each hears its own channel only. */
const LISTENERS = [
  'onSessionChanged',
  'onSettingsChanged',
  'onScreenRequested',
  'onDisplayChanged',
  'onFathomChanged',
];

let api: object;

beforeAll(async () => {
  await import('../../preload/index.ts');
  const exposed = contextBridge.exposed[0]?.api;
  if (typeof exposed !== 'object' || exposed === null) throw new Error('nothing was exposed');
  api = exposed;
});

/** Calls a method of the exposed object by name, as a page script could. */
function call(name: string, ...args: unknown[]): unknown {
  const method: unknown = Reflect.get(api, name);
  if (typeof method !== 'function') throw new Error(`${name} is not exposed`);
  return method(...args);
}

describe('the Electron preload', () => {
  it(`exposes one object, under "${BRIDGE_KEY}", and nothing else`, () => {
    expect(contextBridge.exposed.map((e) => e.key)).toEqual([BRIDGE_KEY]);
  });

  it('exposes exactly the named methods of the contract, all functions', () => {
    expect(Object.keys(api).sort()).toEqual(
      [...INVOKES.map(([name]) => name), ...LISTENERS].sort(),
    );
    expect(Object.values(api).every((member) => typeof member === 'function')).toBe(true);
  });

  it('every invoke goes to its own contract channel, with the arguments and answer passed through', async () => {
    expect(INVOKES.map(([, , channel]) => channel).sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const [name, args, channel] of INVOKES) {
      ipcRenderer.invokes.length = 0;
      expect(await call(name, ...args)).toEqual({ ok: true, value: `answer to ${channel}` });
      expect(ipcRenderer.invokes).toEqual([{ channel, args }]);
    }
  });

  it('never exposes ipcRenderer, or anything that lets the page pick a channel', async () => {
    const ipcMembers = new Set<unknown>([
      ipcRenderer,
      ...Object.getOwnPropertyNames(Object.getPrototypeOf(ipcRenderer)).map((name) =>
        Reflect.get(ipcRenderer, name),
      ),
    ]);
    expect(ipcMembers.has(ipcRenderer.invoke)).toBe(true);
    expect(Object.values(api).some((member) => ipcMembers.has(member))).toBe(false);
    ipcRenderer.invokes.length = 0;
    for (const [name] of INVOKES) {
      await call(name, 'evil:channel', 'evil:channel');
    }
    expect(ipcRenderer.invokes.map((i) => i.channel)).toEqual(INVOKES.map(([, , c]) => c));
  });

  it('hands state listeners the state only, never the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const unsubscribe = call('onSessionChanged', (...args: unknown[]) => received.push(args));
    expect(ipcRenderer.channelsListenedTo()).toEqual([Channel.sessionChanged]);

    ipcRenderer.deliver(Channel.sessionChanged, signedIn);
    ipcRenderer.deliver('auth:sign-in', { kind: 'from another channel' });
    expect(received).toEqual([[signedIn]]);

    if (typeof unsubscribe !== 'function') throw new Error('no unsubscribe returned');
    unsubscribe();
    ipcRenderer.deliver(Channel.sessionChanged, signedIn);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.channelsListenedTo()).toEqual([]);
  });

  it('hands settings listeners the view only, and screen listeners nothing at all', () => {
    const views: unknown[][] = [];
    const screens: unknown[][] = [];
    const stopViews = call('onSettingsChanged', (...args: unknown[]) => views.push(args));
    const stopScreens = call('onScreenRequested', (...args: unknown[]) => screens.push(args));
    expect(ipcRenderer.channelsListenedTo().sort()).toEqual(
      [Channel.settingsChanged, Channel.screenRequested].sort(),
    );
    const view = { zoomAccount: { source: 'demo' } };
    ipcRenderer.deliver(Channel.settingsChanged, view);
    ipcRenderer.deliver(Channel.screenRequested, 'settings');
    ipcRenderer.deliver(Channel.sessionChanged, signedIn);
    expect(views).toEqual([[view]]);
    expect(screens).toEqual([[]]);
    if (typeof stopViews !== 'function' || typeof stopScreens !== 'function')
      throw new Error('no unsubscribe returned');
    stopViews();
    stopScreens();
    expect(ipcRenderer.channelsListenedTo()).toEqual([]);
  });

  it('hands display listeners the display only, on their own channel', () => {
    const received: unknown[][] = [];
    const display = { now: 1, timeZone: 'Europe/Berlin', locale: 'de-DE' };
    const unsubscribe = call('onDisplayChanged', (...args: unknown[]) => received.push(args));
    expect(ipcRenderer.channelsListenedTo()).toEqual([Channel.displayChanged]);

    ipcRenderer.deliver(Channel.displayChanged, display);
    ipcRenderer.deliver(Channel.sessionChanged, signedIn);
    expect(received).toEqual([[display]]);

    if (typeof unsubscribe !== 'function') throw new Error('no unsubscribe returned');
    unsubscribe();
    expect(ipcRenderer.channelsListenedTo()).toEqual([]);
  });
});
