// The Electron binding of the IPC door, and installIpc as the app runs it: the real server,
// handler table and sender check over the fake ipcMain, with pages that each have their own id.
import { describe, expect, it } from 'vitest';
import {
  Channel,
  INVOKE_CHANNELS,
  PUSH_CHANNELS,
  type SessionState,
} from '../../../../preload/contract.ts';
import { serveIpcOnElectron } from '../../../../main/desktop/ipc/electron-ipc-transport.ts';
import { installIpc } from '../../../../main/desktop/ipc/install-ipc.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import type { IpcSender } from '../../../../main/ipc/sender-check.ts';
import { createFakeElectron, type FakeBrowserWindow } from '../../../fakes/fake-electron.ts';
import { createFakeSessionService } from '../../../fakes/fake-session-service.ts';
import { signedIn } from '../../../fakes/session-fixtures.ts';
import { createRecordingLogger } from '../test-logger.ts';
import { createFakeSettingsService } from '../../../fakes/fake-settings-service.ts';
import { createFakeDisplaySource } from '../../../fakes/fake-display.ts';

const APP_PAGE = 'app://renderer/index.html';
const JOIN_URL = 'https://us05web.zoom.us/j/85746065432?pwd=abc';

describe('serveIpcOnElectron', () => {
  function setup() {
    const electron = createFakeElectron();
    const calls: Array<{ channel: unknown; sender: IpcSender | null; args: unknown }> = [];
    const dispose = serveIpcOnElectron(electron.ipcMain, {
      invoke: async (channel, sender, args) => {
        calls.push({ channel, sender, args });
        return { ok: true, value: channel };
      },
    });
    return { electron, calls, dispose };
  }

  it('registers exactly the contract channels, and not the push channels', () => {
    const { electron } = setup();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    for (const push of PUSH_CHANNELS) expect(electron.ipcMain.handlers.has(push)).toBe(false);
    expect(PUSH_CHANNELS).toEqual([
      Channel.sessionChanged,
      Channel.settingsChanged,
      Channel.screenRequested,
      Channel.displayChanged,
      Channel.fathomChanged,
    ]);
    expect(INVOKE_CHANNELS).toHaveLength(Object.keys(Channel).length - PUSH_CHANNELS.length);
  });

  it('describes the sender from the event: main frame, subframe, or a frame already gone', async () => {
    const { electron, calls } = setup();
    const page = electron.newWebContents(APP_PAGE);
    await electron.ipcMain.invoke(Channel.openJoinUrl, { sender: page }, JOIN_URL);
    await electron.ipcMain.invoke(Channel.signIn, { sender: page, subframeUrl: APP_PAGE });
    await electron.ipcMain.invoke(Channel.signIn, { sender: page, frameGone: true });
    expect(calls).toEqual([
      {
        channel: Channel.openJoinUrl,
        sender: { frameUrl: APP_PAGE, isMainFrame: true, webContentsId: page.id },
        args: [JOIN_URL],
      },
      {
        channel: Channel.signIn,
        sender: { frameUrl: APP_PAGE, isMainFrame: false, webContentsId: page.id },
        args: [],
      },
      { channel: Channel.signIn, sender: null, args: [] },
    ]);
  });

  it('removes every handler on dispose', () => {
    const { electron, dispose } = setup();
    dispose();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});

describe('installIpc (checklist 17)', () => {
  async function setup() {
    const electron = createFakeElectron();
    const session = createFakeSessionService();
    const opened: string[] = [];
    const copied: string[] = [];
    const logger = createRecordingLogger();
    const teardown = createTeardown(logger);
    let window: FakeBrowserWindow | null = null;
    const shown: true[] = [];
    const ipc = installIpc({
      ipcMain: electron.ipcMain,
      session: session.service,
      settings: createFakeSettingsService().service,
      display: createFakeDisplaySource(),
      showWindow: () => void shown.push(true),
      window: { current: () => window },
      openExternal: async (url) => void opened.push(url),
      writeClipboard: (text) => void copied.push(text),
      logger,
      teardown,
    });
    const openWindow = async () => {
      window = new electron.BrowserWindow();
      await window.loadURL(APP_PAGE);
      return window;
    };
    const closeWindow = () => {
      window?.destroy();
      window = null;
    };
    return {
      ...{ electron, session, opened, copied, logger, teardown, openWindow, closeWindow },
      ...{ ipc, shown },
    };
  }

  it('showScreen brings the window up and pushes the request, which the page takes once', async () => {
    const { electron, ipc, shown, openWindow } = await setup();
    const { webContents } = await openWindow();
    const from = { sender: webContents };
    expect(await electron.ipcMain.invoke(Channel.takeScreenRequest, from)).toEqual({
      ok: true,
      value: null,
    });
    ipc.showScreen('settings');
    expect(shown).toEqual([true]);
    expect(webContents.sent).toContainEqual([Channel.screenRequested, null]);
    expect(await electron.ipcMain.invoke(Channel.takeScreenRequest, from)).toEqual({
      ok: true,
      value: 'settings',
    });
    expect(await electron.ipcMain.invoke(Channel.takeScreenRequest, from)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('passes a call from the app window to the session, arguments checked', async () => {
    const { electron, session, opened, copied, openWindow } = await setup();
    const { webContents } = await openWindow();
    const from = { sender: webContents };
    expect(await electron.ipcMain.invoke(Channel.signIn, from)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await electron.ipcMain.invoke(Channel.openJoinUrl, from, JOIN_URL)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await electron.ipcMain.invoke(Channel.copyText, from, JOIN_URL)).toMatchObject({
      ok: true,
    });
    expect(await electron.ipcMain.invoke(Channel.signIn, from, 'extra')).toMatchObject({
      ok: false,
      code: 'invalid_argument',
    });
    expect(session.calls).toEqual(['signIn']);
    expect(opened).toEqual([JOIN_URL]);
    expect(copied).toEqual([JOIN_URL]);
  });

  it.each([
    ['a foreign page', 'foreign'],
    ['a subframe of the app', 'subframe'],
    ['a destroyed frame', 'gone'],
    ['another page on app:// that is not the window', 'stranger'],
  ] as const)('refuses %s on every channel without calling the session', async (_name, kind) => {
    const { electron, session, opened, logger, openWindow } = await setup();
    const { webContents } = await openWindow();
    const from =
      kind === 'foreign'
        ? { sender: electron.newWebContents('https://evil.example/') }
        : kind === 'subframe'
          ? { sender: webContents, subframeUrl: APP_PAGE }
          : kind === 'gone'
            ? { sender: webContents, frameGone: true }
            : { sender: electron.newWebContents(APP_PAGE) };
    for (const channel of INVOKE_CHANNELS) {
      expect(await electron.ipcMain.invoke(channel, from, JOIN_URL)).toEqual({
        ok: false,
        code: 'untrusted_sender',
        message: 'This window is not allowed to talk to Meeting Tray.',
      });
    }
    expect(session.calls).toEqual([]);
    expect(opened).toEqual([]);
    expect(logger.lines.map((l) => l.message)).toEqual(
      INVOKE_CHANNELS.map(() => 'refused an IPC call from an untrusted sender'),
    );
  });

  it('trusts only the live window: a destroyed window’s page is refused, its successor answered', async () => {
    const { electron, openWindow, closeWindow } = await setup();
    const first = await openWindow();
    closeWindow();
    expect(
      await electron.ipcMain.invoke(Channel.getSession, { sender: first.webContents }),
    ).toMatchObject({ code: 'untrusted_sender' });
    const second = await openWindow();
    expect(second.webContents.id).not.toBe(first.webContents.id);
    expect(
      await electron.ipcMain.invoke(Channel.getSession, { sender: second.webContents }),
    ).toMatchObject({ kind: 'signed-out' });
  });

  it('pushes every state to the live window through the renderer gate, and none without one', async () => {
    const { session, openWindow, closeWindow } = await setup();
    session.publish(signedIn); // no window yet: nothing to send to, no throw
    const window = await openWindow();
    const leaky = { ...signedIn, accessToken: 'eyJleaked' } as SessionState;
    session.publish(leaky);
    closeWindow();
    session.publish(signedIn);
    expect(window.webContents.sent).toEqual([[Channel.sessionChanged, signedIn]]);
  });

  it('registers its clean-up: quitting removes the handlers and stops the pushes', async () => {
    const { electron, session, teardown } = await setup();
    expect(electron.ipcMain.handlers.size).toBe(INVOKE_CHANNELS.length);
    expect(session.listenerCount()).toBe(1);
    await teardown.run();
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(session.listenerCount()).toBe(0);
  });
});
