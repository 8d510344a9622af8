import { describe, expect, it } from 'vitest';
import { createDeepLinkInbox } from '../../../../main/desktop/deep-links/deep-link-inbox.ts';
import {
  registerDeepLinks,
  routeArgv,
} from '../../../../main/desktop/deep-links/electron-deep-links.ts';
import { createFakeElectron, fakeEvent } from '../../../fakes/fake-electron.ts';
import { createRecordingLogger } from '../test-logger.ts';

const CALLBACK = 'meetingtray://oauth/callback?code=c0de&state=s1';

describe('deep links', () => {
  function setup(argv: string[] = ['mt']) {
    const electron = createFakeElectron();
    const inbox = createDeepLinkInbox();
    const logger = createRecordingLogger();
    registerDeepLinks({
      app: electron.app,
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
