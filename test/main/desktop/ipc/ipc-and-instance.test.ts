import type { App, IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  routeArgv,
  registerDeepLinks,
} from '../../../../main/desktop/deep-links/electron-deep-links.ts';
import {
  INVOKE_CHANNELS,
  registerIpcHandlers,
  type IpcSender,
} from '../../../../main/desktop/ipc/electron-ipc-transport.ts';
import { claimSingleInstance } from '../../../../main/desktop/single-instance/electron-single-instance.ts';
import { Channel } from '../../../../preload/contract.ts';
import { createDeepLinkInbox } from '../../../../main/desktop/deep-links/deep-link-inbox.ts';
import { asElectron, createFakeElectron, fakeEvent } from '../../../fakes/fake-electron.ts';
import { createRecordingLogger } from '../test-logger.ts';

const CALLBACK = 'meetingtray://oauth/callback?code=c0de&state=s1';

describe('IPC registration (checklist 17)', () => {
  const trustAppMainFrame = (sender: IpcSender) =>
    sender.isMainFrame && sender.frameUrl.startsWith('app://renderer/');

  function setup() {
    const electron = createFakeElectron();
    const calls: Array<[string, unknown[]]> = [];
    const handlers = Object.fromEntries(
      INVOKE_CHANNELS.map((channel) => [
        channel,
        async (args: unknown[]) => (calls.push([channel, args]), { ok: true, value: channel }),
      ]),
    );
    const dispose = registerIpcHandlers({
      ipcMain: asElectron<IpcMain>(electron.ipcMain),
      handlers: { ...handlers, 'evil:channel': async () => 'pwned' } as never,
      isTrustedSender: trustAppMainFrame,
      logger: createRecordingLogger(),
    });
    return { electron, calls, dispose };
  }

  it('registers exactly the contract channels, and not the push channel', () => {
    const { electron } = setup();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(electron.ipcMain.handlers.has(Channel.sessionChanged)).toBe(false);
    expect(electron.ipcMain.handlers.has('evil:channel')).toBe(false);
    expect(INVOKE_CHANNELS).toHaveLength(8);
  });

  it('passes the arguments of a trusted call to the handler', async () => {
    const { electron, calls } = setup();
    const result = await electron.ipcMain.invoke(
      Channel.openJoinUrl,
      { url: 'app://renderer/index.html' },
      'https://zoom.us/j/1',
    );
    expect(result).toEqual({ ok: true, value: Channel.openJoinUrl });
    expect(calls).toEqual([[Channel.openJoinUrl, ['https://zoom.us/j/1']]]);
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/' }],
    ['a subframe of the app', { url: 'app://renderer/index.html', mainFrame: false }],
    ['a destroyed frame', { url: 'app://renderer/index.html', destroyed: true }],
  ])('refuses %s without calling the handler', async (_name, from) => {
    const { electron, calls } = setup();
    for (const channel of INVOKE_CHANNELS) {
      expect(await electron.ipcMain.invoke(channel, from)).toMatchObject({
        ok: false,
        code: 'untrusted_sender',
      });
    }
    expect(calls).toEqual([]);
  });

  it('removes every handler on dispose', () => {
    const { electron, dispose } = setup();
    dispose();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});

describe('single instance (checklist: one app instance)', () => {
  it('a second copy gets no lock and must quit', () => {
    const electron = createFakeElectron({ singleInstanceLock: false });
    expect(claimSingleInstance(asElectron<App>(electron.app), () => undefined)).toBe(false);
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('the first copy hears later launches with their argv', () => {
    const electron = createFakeElectron();
    const seen: Array<readonly string[]> = [];
    expect(claimSingleInstance(asElectron<App>(electron.app), (argv) => seen.push(argv))).toBe(
      true,
    );
    electron.app.emit('second-instance', fakeEvent(), ['mt', '--', CALLBACK], '/cwd', {});
    expect(seen).toEqual([['mt', '--', CALLBACK]]);
  });
});

describe('deep links', () => {
  function setup(argv: string[] = ['mt']) {
    const electron = createFakeElectron();
    const inbox = createDeepLinkInbox();
    const logger = createRecordingLogger();
    registerDeepLinks({
      app: asElectron<App>(electron.app),
      registration: { scheme: 'meetingtray', path: 'C:\\MT\\mt.exe', args: ['--'] },
      argv,
      inbox,
      logger,
    });
    const delivered: string[] = [];
    return {
      electron,
      inbox,
      logger,
      delivered,
      open: () => inbox.open((url) => delivered.push(url)),
    };
  }

  it('registers as the meetingtray:// handler with the sentinel', () => {
    const { electron } = setup();
    expect(electron.app.protocolClients).toEqual([
      { scheme: 'meetingtray', path: 'C:\\MT\\mt.exe', args: ['--'] },
    ]);
  });

  it('queues a cold-start argv link until the app is ready', () => {
    const { inbox, delivered, open } = setup(['mt', '--', CALLBACK]);
    expect(inbox.pending()).toBe(1);
    open();
    expect(delivered).toEqual([CALLBACK]);
  });

  it('takes open-url links (macOS), preventing the default, and drops foreign ones', () => {
    const { electron, delivered, open, logger } = setup();
    open();
    const event = fakeEvent();
    electron.app.emit('open-url', event, CALLBACK);
    electron.app.emit('open-url', fakeEvent(), 'meetingtray://evil/callback?code=x');
    expect(event.defaultPrevented).toBe(true);
    expect(delivered).toEqual([CALLBACK]);
    expect(logger.lines.map((l) => l.message)).toEqual([
      'ignored a link that is not a Meeting Tray sign-in callback',
    ]);
  });

  it('routes a second launch argv, ignoring hostile ones and never logging the link', () => {
    const inbox = createDeepLinkInbox();
    const logger = createRecordingLogger();
    const delivered: string[] = [];
    inbox.open((url) => delivered.push(url));
    routeArgv(['mt', CALLBACK, 'meetingtray://oauth/callback?code=second'], inbox, logger);
    routeArgv(['mt', `--flag=${CALLBACK}`], inbox, logger);
    routeArgv(['mt', '--hidden'], inbox, logger);
    routeArgv(['mt', '--', CALLBACK], inbox, logger);
    expect(delivered).toEqual([CALLBACK]);
    expect(logger.lines).toHaveLength(2);
    expect(JSON.stringify(logger.lines)).not.toContain('c0de');
  });
});
