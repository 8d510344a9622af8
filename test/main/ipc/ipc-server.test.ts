import { describe, expect, it } from 'vitest';
import { Channel, type SessionState } from '../../../preload/contract.ts';
import { createIpcHandlers, type IpcHandlers } from '../../../main/ipc/ipc-handlers.ts';
import { createIpcServer } from '../../../main/ipc/ipc-server.ts';
import { toRendererState } from '../../../main/ipc/renderer-state.ts';
import { createSenderCheck, type IpcSender } from '../../../main/ipc/sender-check.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createFakeSessionService } from '../../fakes/fake-session-service.ts';
import { ada, meeting } from '../core/session/session-fakes.ts';
import { createScreenRequests } from '../../../main/ipc/screen-requests.ts';
import { createFakeSettingsService } from '../../fakes/fake-settings-service.ts';
import { DEFAULT_PREFERENCES } from '../../fakes/preferences-view.ts';
import { createFakeDisplaySource, FIXTURE_DISPLAY } from '../../fakes/fake-display.ts';

const state: SessionState = { kind: 'signed-out', reason: null, demo: true, sessionOnly: null };
const ours: IpcSender = {
  frameUrl: 'app://meeting-tray/index.html',
  isMainFrame: true,
  webContentsId: 7,
};

function setup(
  overrides: { handlers?: Partial<IpcHandlers>; isTrustedSender?: (s: IpcSender) => boolean } = {},
) {
  const calls: string[] = [];
  const settings = createFakeSettingsService();
  const screens = createScreenRequests();
  const display = createFakeDisplaySource();
  const handlers = createIpcHandlers({
    session: {
      getState: () => (calls.push('getState'), state),
      signIn: async () => void calls.push('signIn'),
      cancelSignIn: () => void calls.push('cancelSignIn'),
      reopenSignInPage: async () => void calls.push('reopenSignInPage'),
      signOut: async () => (calls.push('signOut'), { serverRevoked: true }),
      refresh: async () => void calls.push('refresh'),
    },
    openExternal: async () => void calls.push('openExternal'),
    isAllowedExternalUrl: () => true,
    writeClipboard: () => void calls.push('writeClipboard'),
    settings: settings.service,
    screens,
    display,
  });
  let windowIds = [7];
  const isTrustedSender =
    overrides.isTrustedSender ??
    createSenderCheck({
      allowedOrigins: ['app://meeting-tray'],
      allowedWebContentsIds: () => windowIds,
    });
  const session = createFakeSessionService(state);
  const logger = createCapturingLogger();
  const server = createIpcServer({
    handlers: { ...handlers, ...overrides.handlers },
    isTrustedSender,
    session: session.service,
    settings: settings.service,
    screens,
    display,
    logger,
  });
  return {
    server,
    calls,
    session,
    settings,
    screens,
    display,
    logger,
    setWindowIds: (ids: number[]) => (windowIds = ids),
  };
}

describe('invoke', () => {
  it('routes a trusted call to its handler', async () => {
    const { server, calls } = setup();
    expect(await server.invoke(Channel.getSession, ours, [])).toEqual(state);
    expect(await server.invoke(Channel.signIn, ours, [])).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual(['getState', 'signIn']);
  });

  it('refuses unknown channels, including prototype keys and the push channel', async () => {
    const { server, calls } = setup();
    for (const channel of [
      'nope',
      '',
      '__proto__',
      'constructor',
      'toString',
      Channel.sessionChanged,
      42,
      null,
    ]) {
      expect(await server.invoke(channel, ours, [])).toMatchObject({
        ok: false,
        code: 'invalid_argument',
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses untrusted senders before looking at the channel or arguments', async () => {
    const { server, calls, logger } = setup();
    const strangers: IpcSender[] = [
      { ...ours, isMainFrame: false },
      { ...ours, webContentsId: 8 },
      { ...ours, frameUrl: 'app://evil/index.html' },
      { ...ours, frameUrl: 'https://meeting-tray/index.html' },
      { ...ours, frameUrl: 'file:///tmp/meeting-tray/index.html' },
      { ...ours, frameUrl: 'about:blank' },
      { ...ours, frameUrl: '' },
      { ...ours, frameUrl: 'not a url' },
    ];
    for (const sender of strangers) {
      expect(await server.invoke(Channel.signOut, sender, [])).toMatchObject({
        ok: false,
        code: 'untrusted_sender',
      });
      expect(await server.invoke('nope', sender, [])).toMatchObject({
        ok: false,
        code: 'untrusted_sender',
      });
    }
    expect(await server.invoke(Channel.signOut, null, [])).toMatchObject({
      code: 'untrusted_sender',
    });
    expect(calls).toEqual([]);
    expect(logger.lines).toHaveLength(2 * strangers.length + 1);
  });

  it('treats a sender check that throws as untrusted', async () => {
    const { server, calls } = setup({
      isTrustedSender: () => {
        throw new Error('check failed');
      },
    });
    expect(await server.invoke(Channel.getSession, ours, [])).toMatchObject({
      code: 'untrusted_sender',
    });
    expect(calls).toEqual([]);
  });

  it('asks for the allowed window ids on every call', async () => {
    const { server, setWindowIds } = setup();
    setWindowIds([9]);
    expect(await server.invoke(Channel.getSession, ours, [])).toMatchObject({
      code: 'untrusted_sender',
    });
    expect(await server.invoke(Channel.getSession, { ...ours, webContentsId: 9 }, [])).toEqual(
      state,
    );
  });

  it('turns a handler that throws into a failure', async () => {
    const { server } = setup({
      handlers: {
        [Channel.refreshMeetings]: () => {
          throw new Error('internal detail');
        },
      },
    });
    const result = await server.invoke(Channel.refreshMeetings, ours, []);
    expect(result).toMatchObject({ ok: false, code: 'unknown' });
    expect(JSON.stringify(result)).not.toContain('internal detail');
  });
});

describe('state publishing', () => {
  const base = {
    demo: false,
    sessionOnly: { code: 'keychain_unavailable', message: 'Memory only.' },
  } as const;
  const states: SessionState[] = [
    { ...base, kind: 'signed-out', reason: { code: 'session_expired', message: 'Sign in again.' } },
    {
      ...base,
      kind: 'signing-in',
      authorizationUrl: 'https://zoom.us/oauth/authorize?client_id=x',
    },
    { ...base, kind: 'error', code: 'missing_scope', message: 'Add the scope.' },
    {
      ...base,
      kind: 'signed-in',
      profile: ada,
      meetings: [meeting('1', '2026-11-24T10:00:00Z'), meeting('2', null)],
      updatedAt: 1,
      stale: true,
      offline: false,
      refreshing: false,
      problem: { code: 'server_error', message: 'Zoom is down.' },
    },
  ];
  const signedIn = states[3] as Extract<SessionState, { kind: 'signed-in' }>;
  const leaky = {
    ...signedIn,
    accessToken: 'eyJleaked',
    profile: { ...signedIn.profile, refreshToken: 'eyJrefresh' },
    meetings: signedIn.meetings.map((m) => ({ ...m, hostKey: '123456' })),
  } as SessionState;

  it('toRendererState keeps every contract field of every kind', () => {
    for (const each of states) expect(toRendererState(each)).toEqual(each);
  });

  it('publishes each state on session:changed with anything outside the contract removed', () => {
    const { server, session, settings } = setup();
    const sent: Array<{ channel: string; state: unknown }> = [];
    const stop = server.subscribe((channel, pushed) => sent.push({ channel, state: pushed }));

    session.publish(leaky);

    expect(sent).toEqual([{ channel: Channel.sessionChanged, state: signedIn }]);
    expect(JSON.stringify(sent)).not.toMatch(/eyJ|hostKey|123456/);

    stop();
    expect(session.listenerCount()).toBe(0);
    expect(settings.listenerCount()).toBe(0);
  });

  it('publishes each settings view on settings:changed, rebuilt from the contract fields only', () => {
    const { server, settings } = setup();
    const sent: Array<{ channel: string; payload: unknown }> = [];
    const stop = server.subscribe((channel, payload) => void sent.push({ channel, payload }));
    const view = {
      zoomAccount: {
        source: 'settings',
        clientId: 'AbC123',
        cloud: 'zoom',
        oauthBase: 'https://zoom.us',
        apiBase: 'https://api.zoom.us/v2',
        hasClientSecret: true,
        redirectUrl: 'http://127.0.0.1/callback',
      },
      preferences: DEFAULT_PREFERENCES,
      fathom: {
        mode: 'oauth',
        clientId: 'fathom-client',
        hasClientSecret: true,
        redirectPort: 53682,
        redirectUri: 'http://127.0.0.1:53682/fathom/callback',
        source: 'settings',
      },
    } as const;
    settings.publish({
      zoomAccount: { ...view.zoomAccount, clientSecret: 'sEcReT-value' },
      preferences: { ...view.preferences, token: 'sEcReT-value' },
      fathom: { ...view.fathom, clientSecret: 'sEcReT-value', apiKey: 'sEcReT-key' },
      provider: { client: { clientSecret: 'sEcReT-value' } },
    } as unknown as typeof view);

    expect(sent).toEqual([{ channel: Channel.settingsChanged, payload: view }]);
    expect(JSON.stringify(sent)).not.toContain('sEcReT');
    stop();
  });

  it('tells the page a screen is requested; the page takes it exactly once', async () => {
    const { server, screens } = setup();
    const sent: string[] = [];
    const stop = server.subscribe((channel, _payload) => void sent.push(channel));
    screens.request('settings');
    expect(sent).toEqual([Channel.screenRequested]);
    expect(await server.invoke(Channel.takeScreenRequest, ours, [])).toEqual({
      ok: true,
      value: 'settings',
    });
    expect(await server.invoke(Channel.takeScreenRequest, ours, [])).toEqual({
      ok: true,
      value: null,
    });
    stop();
  });

  it('hands a new stream the current state through the same gate', () => {
    const { server, session } = setup();
    session.publish(leaky);
    expect(server.currentState()).toEqual(signedIn);
  });

  it('publishes every display change on display:changed, contract fields only', () => {
    const { server, display, session } = setup();
    const sent: Array<{ channel: string; payload: unknown }> = [];
    const stop = server.subscribe((channel, payload) => sent.push({ channel, payload }));

    display.push({ now: 1_800_000_000_000, timeZone: 'Asia/Tokyo', ...{ debugToken: 'eyJx' } });

    expect(sent).toEqual([
      {
        channel: Channel.displayChanged,
        payload: { ...FIXTURE_DISPLAY, now: 1_800_000_000_000, timeZone: 'Asia/Tokyo' },
      },
    ]);
    expect(JSON.stringify(sent)).not.toMatch(/eyJ/);
    expect(server.currentDisplay()).toEqual(sent[0]?.payload);
    stop();
    expect([display.listenerCount(), session.listenerCount()]).toEqual([0, 0]);
  });
});
