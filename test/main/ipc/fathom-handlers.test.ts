// Fathom's channels through the one handler table: every argument is checked as `unknown`
// before the connection is asked anything, and what goes back is rebuilt by the gate.
import { describe, expect, it } from 'vitest';
import { Channel, type FathomState } from '../../../preload/contract.ts';
import { AppError } from '../../../main/core/errors.ts';
import { allowedFathomUrl } from '../../../main/desktop/security/external-url-policy.ts';
import { createIpcHandlers, type FathomHandlersPort } from '../../../main/ipc/ipc-handlers.ts';
import { createScreenRequests } from '../../../main/ipc/screen-requests.ts';
import { createFakeDisplaySource } from '../../fakes/fake-display.ts';
import { createFakeSessionService } from '../../fakes/fake-session-service.ts';
import { createFakeSettingsService } from '../../fakes/fake-settings-service.ts';

const SHARE = 'https://fathom.video/share/AbC123';
const note = {
  recordingId: 41,
  title: 'Weekly sync',
  startedAt: '2026-11-29T10:00:00Z',
  endedAt: '2026-11-29T10:30:00Z',
  durationMinutes: 30,
  shareUrl: SHARE,
  recordedBy: { name: 'Ada Okafor', email: 'ada@example.com' },
  actionItems: [
    {
      description: 'Send the notes',
      completed: false,
      assignee: { name: 'Ada Okafor', email: 'ada@example.com' },
      mine: true,
      playbackUrl: 'https://fathom.video/calls/41?timestamp=12',
      timestamp: '00:00:12',
    },
  ],
};

function setup(state: FathomState = { kind: 'not-connected', reason: null, removeAppHint: false }) {
  const calls: Array<[string, ...unknown[]]> = [];
  const opened: string[] = [];
  const settings = createFakeSettingsService();
  const fathom: FathomHandlersPort = {
    getState: () => state,
    connectOAuth: async () => void calls.push(['connectOAuth']),
    cancelConnect: () => void calls.push(['cancelConnect']),
    reopenConnectPage: async () => void calls.push(['reopenConnectPage']),
    connectApiKey: async (key) => void calls.push(['connectApiKey', key]),
    disconnect: async () => (calls.push(['disconnect']), { removeAppHint: true }),
    refresh: async () => void calls.push(['refresh']),
    loadSummary: async (id) => void calls.push(['loadSummary', id]),
  };
  const handlers = createIpcHandlers({
    session: createFakeSessionService().service,
    openExternal: async (url) => void opened.push(url),
    isAllowedExternalUrl: () => false,
    isAllowedFathomUrl: (url) => allowedFathomUrl(url) !== null,
    writeClipboard: () => undefined,
    settings: settings.service,
    screens: createScreenRequests(),
    display: createFakeDisplaySource(),
    fathom,
  });
  return { handlers, calls, opened, settings };
}

describe('fathom:connectApiKey', () => {
  it('passes a sane key (trimmed) and answers void: the key is never echoed', async () => {
    const { handlers, calls } = setup();
    const result = await handlers[Channel.connectFathomApiKey]([' abc_DEF-12.xyz~+/= ']);
    expect(result).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual([['connectApiKey', 'abc_DEF-12.xyz~+/=']]);
  });

  it.each([
    ['no list', 'abc'],
    ['no argument', []],
    ['two arguments', ['abc', 'def']],
    ['not text', [42]],
    ['empty', ['']],
    ['only spaces', ['   ']],
    ['513 characters', ['a'.repeat(513)]],
    ['a space inside', ['abc def']],
    ['a newline', ['abc\ndef']],
    ['markup', ['<script>']],
    ['non-ASCII', ['clé']],
  ])('refuses %s without asking the connection', async (_what, args) => {
    const { handlers, calls } = setup();
    expect(await handlers[Channel.connectFathomApiKey](args)).toMatchObject({
      ok: false,
      code: 'invalid_argument',
    });
    expect(calls).toEqual([]);
  });

  it('accepts exactly 512 characters', async () => {
    const { handlers, calls } = setup();
    expect(await handlers[Channel.connectFathomApiKey](['k'.repeat(512)])).toMatchObject({
      ok: true,
    });
    expect(calls).toHaveLength(1);
  });

  it('a refusal from the connection crosses as its code and message, never the key', async () => {
    const refusing = createIpcHandlers({
      ...{
        session: createFakeSessionService().service,
        openExternal: async () => undefined,
        isAllowedExternalUrl: () => false,
        writeClipboard: () => undefined,
        settings: createFakeSettingsService().service,
        screens: createScreenRequests(),
        display: createFakeDisplaySource(),
      },
      fathom: {
        ...stubFathom(),
        connectApiKey: async () => {
          throw new AppError('fathom_key_invalid', 'Fathom did not accept this API key.');
        },
      },
    });
    const result = await refusing[Channel.connectFathomApiKey](['secret.key']);
    expect(result).toEqual({
      ok: false,
      code: 'fathom_key_invalid',
      message: 'Fathom did not accept this API key.',
    });
    expect(JSON.stringify(result)).not.toContain('secret.key');
  });
});

describe('fathom:loadSummary', () => {
  it('passes a positive safe integer', async () => {
    const { handlers, calls } = setup();
    expect(await handlers[Channel.loadFathomSummary]([41])).toEqual({ ok: true, value: undefined });
    expect(await handlers[Channel.loadFathomSummary]([Number.MAX_SAFE_INTEGER])).toMatchObject({
      ok: true,
    });
    expect(calls).toEqual([
      ['loadSummary', 41],
      ['loadSummary', Number.MAX_SAFE_INTEGER],
    ]);
  });

  it.each([
    [[0]],
    [[-1]],
    [[1.5]],
    [[Number.NaN]],
    [[Number.POSITIVE_INFINITY]],
    [[Number.MAX_SAFE_INTEGER + 1]],
    [['41']],
    [[null]],
    [[]],
    [[41, 42]],
    [41],
  ])('refuses %j without asking the connection', async (args) => {
    const { handlers, calls } = setup();
    expect(await handlers[Channel.loadFathomSummary](args)).toMatchObject({
      ok: false,
      code: 'invalid_argument',
    });
    expect(calls).toEqual([]);
  });
});

describe('fathom:openLink', () => {
  it('opens https links on fathom.video and its subdomains', async () => {
    const { handlers, opened } = setup();
    for (const url of [SHARE, 'https://app.fathom.video/calls/41?timestamp=12'])
      expect(await handlers[Channel.openFathomLink]([url])).toEqual({ ok: true, value: undefined });
    expect(opened).toEqual([SHARE, 'https://app.fathom.video/calls/41?timestamp=12']);
  });

  it.each([
    'http://fathom.video/share/x',
    'https://fathom.video.evil.example/share/x',
    'https://evilfathom.video/share/x',
    'https://user:pw@fathom.video/share/x',
    'https://fathom.video:8443/share/x',
    'https://api.fathom.ai/external/v1/meetings',
    'https://us05web.zoom.us/j/1',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://fathom.video/share/x y',
  ])('refuses %s', async (url) => {
    const { handlers, opened } = setup();
    expect(await handlers[Channel.openFathomLink]([url])).toMatchObject({
      ok: false,
      code: 'invalid_argument',
    });
    expect(opened).toEqual([]);
  });
});

describe('no-argument Fathom channels', () => {
  it.each([
    [Channel.connectFathomOAuth, 'connectOAuth'],
    [Channel.cancelFathomConnect, 'cancelConnect'],
    [Channel.reopenFathomConnectPage, 'reopenConnectPage'],
    [Channel.refreshFathom, 'refresh'],
    [Channel.disconnectFathom, 'disconnect'],
  ] as const)('%s accepts [] only', async (channel, method) => {
    const { handlers, calls } = setup();
    expect(await handlers[channel](['x'])).toMatchObject({ ok: false, code: 'invalid_argument' });
    expect(await handlers[channel](undefined)).toMatchObject({
      ok: false,
      code: 'invalid_argument',
    });
    expect(calls).toEqual([]);
    expect(await handlers[channel]([])).toMatchObject({ ok: true });
    expect(calls).toEqual([[method]]);
  });

  it('disconnect answers only removeAppHint', async () => {
    const { handlers } = setup();
    expect(await handlers[Channel.disconnectFathom]([])).toEqual({
      ok: true,
      value: { removeAppHint: true },
    });
  });
});

describe('fathom:get', () => {
  it('rebuilds the state: nothing outside the contract, links off the allow-list go out empty', async () => {
    const state = {
      kind: 'connected',
      mode: 'oauth',
      notes: [
        { ...note, accessToken: 'tok-SECRET' },
        { ...note, recordingId: 42, shareUrl: 'https://evil.example/share' },
      ],
      updatedAt: 1,
      stale: false,
      offline: false,
      refreshing: false,
      problem: null,
      waitUntil: null,
      incomplete: false,
      summaries: {
        41: { kind: 'ready', markdown: '## Notes', templateName: null, raw: 'tok-SECRET' },
      },
      apiKey: 'key-SECRET',
    } as unknown as FathomState;
    const { handlers } = setup(state);
    const answer = await handlers[Channel.getFathom]([]);
    expect(JSON.stringify(answer)).not.toContain('SECRET');
    expect(answer).toMatchObject({
      kind: 'connected',
      notes: [{ shareUrl: SHARE }, { recordingId: 42, shareUrl: '' }],
      summaries: { 41: { kind: 'ready', markdown: '## Notes', templateName: null } },
    });
  });

  it('a host without Fathom says not-connected, and refuses the actions plainly', async () => {
    const handlers = createIpcHandlers({
      session: createFakeSessionService().service,
      openExternal: async () => undefined,
      isAllowedExternalUrl: () => false,
      writeClipboard: () => undefined,
      settings: createFakeSettingsService().service,
      screens: createScreenRequests(),
      display: createFakeDisplaySource(),
    });
    expect(await handlers[Channel.getFathom]([])).toEqual({
      kind: 'not-connected',
      reason: null,
      removeAppHint: false,
    });
    expect(await handlers[Channel.connectFathomOAuth]([])).toMatchObject({
      ok: false,
      code: 'config_invalid',
    });
  });
});

describe('settings:saveFathomOAuth', () => {
  it('passes the three fields, rebuilt, and answers the settings view', async () => {
    const { handlers, settings } = setup();
    const input = { clientId: 'abc', clientSecret: 's3cret', redirectPort: 53682 };
    expect(await handlers[Channel.saveFathomOAuth]([input])).toMatchObject({ ok: true });
    expect(settings.fathomSaved).toEqual([input]);
    expect(
      await handlers[Channel.saveFathomOAuth]([{ clientId: 'abc', redirectPort: 53682 }]),
    ).toMatchObject({ ok: true });
    expect(settings.fathomSaved[1]).toEqual({ clientId: 'abc', redirectPort: 53682 });
  });

  it.each([
    [{ clientId: 'abc', redirectPort: '53682' }],
    [{ clientId: 42, redirectPort: 53682 }],
    [{ clientId: 'abc', redirectPort: 53682, extra: 1 }],
    [{ clientId: 'abc', clientSecret: 7, redirectPort: 53682 }],
    [{ clientId: 'abc', redirectPort: 1.5 }],
    ['abc'],
    [null],
  ])('refuses %j', async (input) => {
    const { handlers, settings } = setup();
    expect(await handlers[Channel.saveFathomOAuth]([input])).toMatchObject({
      ok: false,
      code: 'invalid_argument',
    });
    expect(settings.fathomSaved).toEqual([]);
  });
});

function stubFathom(): FathomHandlersPort {
  return {
    getState: () => ({ kind: 'not-connected', reason: null, removeAppHint: false }),
    connectOAuth: async () => undefined,
    cancelConnect: () => undefined,
    reopenConnectPage: async () => undefined,
    connectApiKey: async () => undefined,
    disconnect: async () => ({ removeAppHint: false }),
    refresh: async () => undefined,
    loadSummary: async () => undefined,
  };
}
