import { describe, expect, it } from 'vitest';
import { Channel, type SessionState } from '../../../preload/contract.ts';
import { createInvokeDispatcher } from '../../../main/ipc/invoke-dispatcher.ts';
import { createIpcHandlers, type IpcHandlers } from '../../../main/ipc/ipc-handlers.ts';
import { createSenderCheck, type SenderInfo } from '../../../main/ipc/sender-check.ts';

const state: SessionState = { kind: 'signed-out', reason: null, demo: true, sessionOnly: null };
const ours: SenderInfo = {
  frameUrl: 'app://meeting-tray/index.html',
  isMainFrame: true,
  webContentsId: 7,
};

function setup() {
  const calls: string[] = [];
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
  });
  let windowIds = [7];
  const isTrustedSender = createSenderCheck({
    allowedOrigins: ['app://meeting-tray'],
    allowedWebContentsIds: () => windowIds,
  });
  const dispatch = createInvokeDispatcher({ handlers, isTrustedSender });
  return { dispatch, calls, setWindowIds: (ids: number[]) => (windowIds = ids), handlers };
}

describe('createInvokeDispatcher', () => {
  it('routes a trusted call to its handler', async () => {
    const { dispatch, calls } = setup();
    expect(await dispatch(Channel.getSession, ours, [])).toEqual(state);
    expect(await dispatch(Channel.signIn, ours, [])).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual(['getState', 'signIn']);
  });

  it('refuses unknown channels, including prototype keys and the push channel', async () => {
    const { dispatch, calls } = setup();
    for (const channel of [
      'nope',
      '',
      '__proto__',
      'constructor',
      'toString',
      Channel.sessionChanged,
    ]) {
      expect(await dispatch(channel, ours, [])).toMatchObject({
        ok: false,
        code: 'invalid_argument',
      });
    }
    expect(calls).toEqual([]);
  });

  it('refuses untrusted senders before looking at the channel or arguments', async () => {
    const { dispatch, calls } = setup();
    const strangers: SenderInfo[] = [
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
      expect(await dispatch(Channel.signOut, sender, [])).toMatchObject({
        ok: false,
        code: 'untrusted_sender',
      });
      expect(await dispatch('nope', sender, [])).toMatchObject({
        ok: false,
        code: 'untrusted_sender',
      });
    }
    expect(await dispatch(Channel.signOut, null as unknown as SenderInfo, [])).toMatchObject({
      code: 'untrusted_sender',
    });
    expect(calls).toEqual([]);
  });

  it('asks for the allowed window ids on every call', async () => {
    const { dispatch, setWindowIds } = setup();
    setWindowIds([9]);
    expect(await dispatch(Channel.getSession, ours, [])).toMatchObject({
      code: 'untrusted_sender',
    });
    expect(await dispatch(Channel.getSession, { ...ours, webContentsId: 9 }, [])).toEqual(state);
  });

  it('turns a handler that throws into a failure', async () => {
    const { handlers } = setup();
    const throwing: IpcHandlers = {
      ...handlers,
      [Channel.refreshMeetings]: () => {
        throw new Error('internal detail');
      },
    };
    const dispatch = createInvokeDispatcher({ handlers: throwing, isTrustedSender: () => true });
    const result = await dispatch(Channel.refreshMeetings, ours, []);
    expect(result).toMatchObject({ ok: false, code: 'unknown' });
    expect(JSON.stringify(result)).not.toContain('internal detail');
  });
});

describe('createSenderCheck', () => {
  it('accepts the browser harness origin with its exact port only', () => {
    const check = createSenderCheck({
      allowedOrigins: ['http://127.0.0.1:41234'],
      allowedWebContentsIds: () => [1],
    });
    const harness = {
      frameUrl: 'http://127.0.0.1:41234/?token=abc',
      isMainFrame: true,
      webContentsId: 1,
    };
    expect(check(harness)).toBe(true);
    expect(check({ ...harness, frameUrl: 'http://127.0.0.1:41235/' })).toBe(false);
    expect(check({ ...harness, frameUrl: 'http://localhost:41234/' })).toBe(false);
    expect(check({ ...harness, frameUrl: 'https://127.0.0.1:41234/' })).toBe(false);
  });
});
