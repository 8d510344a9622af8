import { describe, expect, it } from 'vitest';
import { Channel, INVOKE_CHANNELS, type SessionState } from '../../../preload/contract.ts';
import { AppError } from '../../../main/core/errors.ts';
import {
  createIpcHandlers,
  MAX_CLIPBOARD_TEXT_LENGTH,
  MAX_URL_LENGTH,
  type IpcHandlerDeps,
} from '../../../main/ipc/ipc-handlers.ts';
import { createFakeSessionService } from '../../fakes/fake-session-service.ts';
import { createScreenRequests } from '../../../main/ipc/screen-requests.ts';
import { createFakeSettingsService } from '../../fakes/fake-settings-service.ts';
import { createFakeDisplaySource, FIXTURE_DISPLAY } from '../../fakes/fake-display.ts';

const signedOut: SessionState = {
  kind: 'signed-out',
  reason: null,
  demo: false,
  sessionOnly: null,
};
const JOIN_URL = 'https://us05web.zoom.us/j/85746065432?pwd=abc';

function setup(overrides: Partial<IpcHandlerDeps['session']> = {}) {
  const calls: string[] = [];
  const opened: string[] = [];
  const copied: string[] = [];
  const settings = createFakeSettingsService();
  const screens = createScreenRequests();
  const session: IpcHandlerDeps['session'] = {
    getState: () => signedOut,
    signIn: async () => void calls.push('signIn'),
    cancelSignIn: () => void calls.push('cancelSignIn'),
    reopenSignInPage: async () => void calls.push('reopenSignInPage'),
    signOut: async () => (calls.push('signOut'), { serverRevoked: false }),
    refresh: async () => void calls.push('refresh'),
    ...overrides,
  };
  const handlers = createIpcHandlers({
    session,
    openExternal: async (url) => void opened.push(url),
    isAllowedExternalUrl: (url) => url.startsWith('https://us05web.zoom.us/j/'),
    writeClipboard: (text) => void copied.push(text),
    settings: settings.service,
    screens,
    display: createFakeDisplaySource(),
  });
  return { handlers, calls, opened, copied, settings, screens };
}

const hostileArgLists: unknown[] = [
  undefined,
  null,
  'session:get',
  42,
  { length: 0 },
  [undefined],
  ['x'],
  [{}],
  [JOIN_URL, JOIN_URL],
];

describe('channels without arguments', () => {
  const noArgChannels = [
    [Channel.signIn, 'signIn'],
    [Channel.cancelSignIn, 'cancelSignIn'],
    [Channel.reopenSignInPage, 'reopenSignInPage'],
    [Channel.signOut, 'signOut'],
    [Channel.refreshMeetings, 'refresh'],
  ] as const;

  it.each(noArgChannels)('%s accepts [] and calls the session', async (channel, method) => {
    const { handlers, calls } = setup();
    const result = await handlers[channel]([]);
    expect(result).toMatchObject({ ok: true });
    expect(calls).toEqual([method]);
  });

  it.each(noArgChannels)(
    '%s refuses every hostile argument list without calling the session',
    async (channel) => {
      const { handlers, calls } = setup();
      for (const args of hostileArgLists) {
        expect(await handlers[channel](args)).toMatchObject({
          ok: false,
          code: 'invalid_argument',
        });
      }
      expect(calls).toEqual([]);
    },
  );

  it("getDisplay returns main's minute, zone, locale and choices, and refuses arguments", async () => {
    const { handlers } = setup();
    expect(await handlers[Channel.getDisplay]([])).toEqual(FIXTURE_DISPLAY);
    for (const args of hostileArgLists) {
      expect(await handlers[Channel.getDisplay](args)).toMatchObject({
        ok: false,
        code: 'invalid_argument',
      });
    }
  });

  it('getSession returns the state and refuses arguments', async () => {
    const { handlers } = setup();
    expect(await handlers[Channel.getSession]([])).toEqual(signedOut);
    for (const args of hostileArgLists) {
      expect(await handlers[Channel.getSession](args)).toMatchObject({
        ok: false,
        code: 'invalid_argument',
      });
    }
  });

  it('signOut passes on the SignOutResult', async () => {
    const { handlers } = setup();
    expect(await handlers[Channel.signOut]([])).toEqual({
      ok: true,
      value: { serverRevoked: false },
    });
  });
});

describe('errors never cross as exceptions', () => {
  it('turns an AppError into { ok: false, code, message }', async () => {
    const { handlers } = setup({
      signIn: () => Promise.reject(new AppError('access_denied', 'You chose Deny in Zoom.')),
    });
    expect(await handlers[Channel.signIn]([])).toEqual({
      ok: false,
      code: 'access_denied',
      message: 'You chose Deny in Zoom.',
    });
  });

  it('hides the text of unexpected errors (they may carry internals)', async () => {
    const { handlers } = setup({
      refresh: () => Promise.reject(new Error('boom at /home/ada/.config with token eyJabc')),
      cancelSignIn: () => {
        throw new TypeError('sync failure');
      },
    });
    const refreshed = await handlers[Channel.refreshMeetings]([]);
    expect(refreshed).toMatchObject({ ok: false, code: 'unknown' });
    expect(JSON.stringify(refreshed)).not.toContain('eyJabc');
    expect(await handlers[Channel.cancelSignIn]([])).toMatchObject({ ok: false, code: 'unknown' });
  });

  it('getSession strips anything that is not part of the contract', async () => {
    const leaky = { ...signedOut, accessToken: 'eyJsecret' } as SessionState;
    const { handlers } = setup({ getState: () => leaky });
    const state = await handlers[Channel.getSession]([]);
    expect(JSON.stringify(state)).not.toContain('eyJsecret');
    expect(state).toEqual(signedOut);
  });
});

describe('openJoinUrl', () => {
  it('opens an allowed join link', async () => {
    const { handlers, opened } = setup();
    expect(await handlers[Channel.openJoinUrl]([JOIN_URL])).toEqual({ ok: true, value: undefined });
    expect(opened).toEqual([JOIN_URL]);
  });

  it('refuses wrong types, extra arguments, huge strings and links off the allowlist', async () => {
    const { handlers, opened } = setup();
    const hostile: unknown[] = [
      [],
      [42],
      [null],
      [{ toString: () => JOIN_URL }],
      [[JOIN_URL]],
      [JOIN_URL, 'extra'],
      [''],
      [JOIN_URL + 'a'.repeat(MAX_URL_LENGTH)],
      ['javascript:alert(1)'],
      ['file:///etc/passwd'],
      ['https://evil.example/j/1'],
      ['http://us05web.zoom.us/j/1'],
      JOIN_URL,
    ];
    for (const args of hostile) {
      expect(await handlers[Channel.openJoinUrl](args)).toMatchObject({
        ok: false,
        code: 'invalid_argument',
      });
    }
    expect(opened).toEqual([]);
  });

  it('reports a browser that will not open as browser_open_failed', async () => {
    const handlers = createIpcHandlers({
      session: { getState: () => signedOut } as IpcHandlerDeps['session'],
      openExternal: () => Promise.reject(new Error('xdg-open missing')),
      isAllowedExternalUrl: () => true,
      writeClipboard: () => {},
      settings: createFakeSettingsService().service,
      screens: createScreenRequests(),
      display: createFakeDisplaySource(),
    });
    expect(await handlers[Channel.openJoinUrl]([JOIN_URL])).toMatchObject({
      ok: false,
      code: 'browser_open_failed',
    });
  });
});

describe('copyText', () => {
  it('copies text up to the limit', async () => {
    const { handlers, copied } = setup();
    const longest = 'x'.repeat(MAX_CLIPBOARD_TEXT_LENGTH);
    expect(await handlers[Channel.copyText]([JOIN_URL])).toEqual({ ok: true, value: undefined });
    expect(await handlers[Channel.copyText]([longest])).toMatchObject({ ok: true });
    expect(copied).toEqual([JOIN_URL, longest]);
  });

  it('reports a clipboard that would not take the text, instead of dropping the failure', async () => {
    const handlers = createIpcHandlers({
      session: createFakeSessionService().service,
      openExternal: async () => {},
      isAllowedExternalUrl: () => true,
      writeClipboard: () => Promise.reject(new Error('clipboard busy')),
      settings: createFakeSettingsService().service,
      screens: createScreenRequests(),
      display: createFakeDisplaySource(),
    });
    expect(await handlers[Channel.copyText]([JOIN_URL])).toMatchObject({
      ok: false,
      code: 'unknown',
    });
  });

  it('refuses wrong types, extra arguments and huge strings', async () => {
    const { handlers, copied } = setup();
    const hostile: unknown[] = [
      [],
      [1],
      [undefined],
      [{}],
      ['a', 'b'],
      [''],
      ['x'.repeat(MAX_CLIPBOARD_TEXT_LENGTH + 1)],
      'text',
    ];
    for (const args of hostile) {
      expect(await handlers[Channel.copyText](args)).toMatchObject({
        ok: false,
        code: 'invalid_argument',
      });
    }
    expect(copied).toEqual([]);
  });
});

it('has a handler for every invoke channel in the contract', () => {
  const { handlers } = setup();
  expect(Object.keys(handlers).sort()).toEqual([...INVOKE_CHANNELS].sort());
  expect(INVOKE_CHANNELS).not.toContain(Channel.sessionChanged);
});

describe('settings channels', () => {
  const account = {
    clientId: 'AbC123',
    cloud: 'zoomgov',
    clientSecret: { action: 'set', value: 's3cret' },
  };

  it('answer the view, save, test and reset through the settings service', async () => {
    const { handlers, settings } = setup();
    expect(await handlers[Channel.getSettings]([])).toEqual({
      ok: true,
      value: settings.service.view(),
    });
    expect(await handlers[Channel.saveZoomAccount]([account])).toMatchObject({ ok: true });
    expect(
      await handlers[Channel.testZoomAccount]([
        { ...account, cloud: 'custom', oauthBase: 'https://a', apiBase: 'https://b' },
      ]),
    ).toEqual({
      ok: true,
      value: { outcome: 'reachable', endpoint: 'https://zoom.us/oauth/token', status: 400 },
    });
    expect(await handlers[Channel.resetZoomAccount]([])).toMatchObject({ ok: true });
    expect(settings.saved).toEqual([account]);
    expect(settings.tested).toEqual([
      { ...account, cloud: 'custom', oauthBase: 'https://a', apiBase: 'https://b' },
    ]);
    expect(settings.resets()).toBe(1);
  });

  it('refuse anything but one well-formed account, before the service sees it', async () => {
    const { handlers, settings } = setup();
    const hostile: unknown[] = [
      undefined,
      [],
      [account, account],
      [null],
      ['AbC123'],
      [{ ...account, cloud: 'mars' }],
      [{ ...account, clientId: 42 }],
      [{ ...account, clientId: 'x'.repeat(10_000) }],
      [{ ...account, extra: true }],
      [{ ...account, clientSecret: 's3cret' }],
      [{ ...account, clientSecret: { action: 'set' } }],
      [{ ...account, clientSecret: { action: 'keep', value: 'x' } }],
      [{ ...account, clientSecret: { action: 'set', value: 'x'.repeat(10_000) } }],
      [{ ...account, oauthBase: ['https://zoom.us'] }],
      [Object.assign(Object.create({ polluted: true }) as object, account)],
    ];
    for (const args of hostile) {
      for (const channel of [Channel.saveZoomAccount, Channel.testZoomAccount] as const)
        expect(await handlers[channel](args)).toMatchObject({
          ok: false,
          code: 'invalid_argument',
        });
    }
    expect(settings.saved).toEqual([]);
    expect(settings.tested).toEqual([]);
    for (const channel of [
      Channel.getSettings,
      Channel.resetZoomAccount,
      Channel.takeScreenRequest,
    ] as const)
      expect(await handlers[channel](['x'])).toMatchObject({ ok: false, code: 'invalid_argument' });
  });

  it('turn a refused save into { ok: false, code, message }', async () => {
    const { handlers, settings } = setup();
    settings.service.saveZoomAccount = async () => {
      throw new AppError('keychain_locked', 'Your keychain is locked.');
    };
    expect(await handlers[Channel.saveZoomAccount]([account])).toEqual({
      ok: false,
      code: 'keychain_locked',
      message: 'Your keychain is locked.',
    });
  });

  it('hand over a requested screen once', async () => {
    const { handlers, screens } = setup();
    expect(await handlers[Channel.takeScreenRequest]([])).toEqual({ ok: true, value: null });
    screens.request('settings');
    expect(await handlers[Channel.takeScreenRequest]([])).toEqual({ ok: true, value: 'settings' });
    expect(await handlers[Channel.takeScreenRequest]([])).toEqual({ ok: true, value: null });
  });
});
