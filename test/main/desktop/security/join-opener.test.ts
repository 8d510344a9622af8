// Joining in the Zoom app: the decision (join-opener.ts), the Electron adapter over the typed
// fakes of app and shell, and the harness's stand-in, with the fallbacks each OS needs.
import { describe, expect, it } from 'vitest';
import type { JoinChoice } from '../../../../preload/contract.ts';
import { createJoinOpener } from '../../../../main/desktop/security/electron-external-openers.ts';
import { createMeetingOpener, joinTargets } from '../../../../main/desktop/security/join-opener.ts';
import { createHarnessJoin } from '../../../../main/harness/harness-join.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createRecordingLogger } from '../test-logger.ts';

const PWD = 'RnRsT2xzbUJ3dE5aSTFkQjVhUkpuUT09.1';
const WEB = `https://us05web.zoom.us/j/85746065432?pwd=${PWD}`;
const APP = `zoommtg://us05web.zoom.us/join?action=join&confno=85746065432&pwd=${PWD}`;

describe('joinTargets', () => {
  it('tries the app link, then the web link, when the app is wanted and installed', () => {
    expect(joinTargets(WEB, 'app', true)).toEqual([APP, WEB]);
  });

  it('goes straight to the browser when the app is missing or the browser is chosen', () => {
    expect(joinTargets(WEB, 'app', false)).toEqual([WEB]);
    expect(joinTargets(WEB, 'browser', true)).toEqual([WEB]);
  });

  it('keeps personal rooms, webinars and other Zoom pages on https', () => {
    for (const link of [
      'https://zoom.us/my/ada',
      'https://zoom.us/w/123456789',
      'https://zoom.us/',
    ])
      expect(joinTargets(link, 'app', true)).toEqual([link]);
  });

  it('turns an app link back into the web link when the app cannot take it', () => {
    expect(joinTargets(APP, 'app', false)).toEqual([WEB]);
    expect(joinTargets(APP, 'browser', true)).toEqual([WEB]);
  });
});

function electronJoin(options: { joinIn?: JoinChoice; zoomInstalled?: boolean } = {}) {
  const electron = createFakeElectron();
  if (options.zoomInstalled ?? true) electron.app.protocolHandlers.set('zoommtg', 'Zoom');
  const logger = createRecordingLogger();
  let joinIn: JoinChoice = options.joinIn ?? 'app';
  const open = createJoinOpener({
    shell: electron.shell,
    app: electron.app,
    joinIn: () => joinIn,
    logger,
  });
  return { electron, logger, open, choose: (next: JoinChoice) => (joinIn = next) };
}

describe('the Electron join opener', () => {
  it('opens the meeting in the Zoom app when a program handles zoommtg:', async () => {
    const { electron, open } = electronJoin();
    await open(WEB);
    expect(electron.shell.opened).toEqual([APP]);
  });

  it('opens the https link when no program handles zoommtg: (getApplicationNameForProtocol is "")', async () => {
    const { electron, open } = electronJoin({ zoomInstalled: false });
    await open(WEB);
    expect(electron.shell.opened).toEqual([WEB]);
  });

  it('honours joinIn: browser, read at each join', async () => {
    const { electron, open, choose } = electronJoin({ joinIn: 'browser' });
    await open(WEB);
    choose('app');
    await open(WEB);
    expect(electron.shell.opened).toEqual([WEB, APP]);
  });

  it('falls back to the browser when opening the app link fails, and logs no link or passcode', async () => {
    const electron = createFakeElectron();
    electron.app.protocolHandlers.set('zoommtg', 'Zoom');
    const opened: string[] = [];
    const logger = createRecordingLogger();
    const open = createJoinOpener({
      // macOS rejects when the handler is gone or refuses; the message names the link.
      shell: {
        openExternal: async (url) => {
          if (url.startsWith('zoommtg:')) throw new Error(`Failed to open ${url}`);
          opened.push(url);
        },
      },
      app: electron.app,
      joinIn: () => 'app',
      logger,
    });
    await open(WEB);
    expect(opened).toEqual([WEB]);
    expect(logger.lines.map((line) => line.message)).toEqual([
      'the Zoom app did not open; opening the meeting in the browser',
    ]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/pwd|RnRs|85746065432|zoommtg/u);
  });

  it('reports a browser that fails too', async () => {
    const electron = createFakeElectron();
    const open = createJoinOpener({
      shell: { openExternal: () => Promise.reject(new Error('no browser')) },
      app: electron.app,
      joinIn: () => 'app',
      logger: createRecordingLogger(),
    });
    await expect(open(WEB)).rejects.toThrow('no browser');
  });

  it('treats a handler lookup that throws as no app', async () => {
    const electron = createFakeElectron();
    const open = createJoinOpener({
      shell: electron.shell,
      app: {
        getApplicationNameForProtocol: () => {
          throw new Error('no such API here');
        },
      },
      joinIn: () => 'app',
      logger: createRecordingLogger(),
    });
    await open(WEB);
    expect(electron.shell.opened).toEqual([WEB]);
  });

  it.each([
    'https://zoom.us.evil.com/j/123456789',
    'https://evil.com@zoom.us/j/123456789',
    'zoommtg://zoom.us/join?action=join&confno=123456789&browser=evil',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ])('opens nothing for %s', async (link) => {
    const { electron, open } = electronJoin();
    await expect(open(link)).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(electron.shell.opened).toEqual([]);
  });
});

describe('createMeetingOpener', () => {
  it('never hands the system a link the allow-list refuses, even one it built', async () => {
    const opened: string[] = [];
    const open = createMeetingOpener({
      joinIn: () => 'app',
      zoomAppInstalled: () => true,
      openExternal: async (url) => void opened.push(url),
      logger: createRecordingLogger(),
    });
    await open('https://acme.zoom.us/j/9876543210');
    await open('https://zoomgov.com/j/1612345678?pwd=abc');
    expect(opened).toEqual([
      'zoommtg://acme.zoom.us/join?action=join&confno=9876543210',
      'zoommtg://zoomgov.com/join?action=join&confno=1612345678&pwd=abc',
    ]);
  });
});

describe("the browser harness's join", () => {
  const harness = (zoomApp: 'missing' | 'installed' | 'fails', testMode = true) => {
    const pageOpened: string[] = [];
    const join = createHarnessJoin({
      zoomApp,
      testMode,
      joinIn: () => 'app',
      openInPage: async (url) => void pageOpened.push(url),
      logger: createRecordingLogger(),
    });
    return { join, pageOpened };
  };

  it('records the app link when the app is "installed", the web link when it is missing or fails', async () => {
    const installed = harness('installed');
    await installed.join.open(WEB);
    expect(installed.join.opened()).toEqual([APP]);

    const missing = harness('missing');
    await missing.join.open(WEB);
    expect(missing.join.opened()).toEqual([WEB]);

    const fails = harness('fails');
    await fails.join.open(WEB);
    expect(fails.join.opened()).toEqual([WEB]);
    expect(fails.pageOpened).toEqual([]);
  });

  it('outside test mode opens web links in the page and records nothing', async () => {
    const { join, pageOpened } = harness('missing', false);
    await join.open(WEB);
    expect(pageOpened).toEqual([WEB]);
    expect(join.opened()).toEqual([]);
  });
});
