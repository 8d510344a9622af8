import type { App, WebContents } from 'electron';
import { hardenAllWebContents } from '../../../../main/desktop/security/electron-web-contents-hardening.ts';
import {
  asElectron,
  createFakeElectron,
  fakeEvent,
  FakeWebContents,
} from '../../../fakes/fake-electron.ts';
import { createRecordingLogger } from '../test-logger.ts';

/** A web contents created after hardenAllWebContents ran, and the URLs it handed to the OS. */
export function hardenedContents() {
  const electron = createFakeElectron();
  const opened: string[] = [];
  hardenAllWebContents(asElectron<App>(electron.app), {
    openExternal: async (url) => void opened.push(url),
    logger: createRecordingLogger(),
  });
  const contents = new FakeWebContents();
  electron.app.emit('web-contents-created', fakeEvent(), asElectron<WebContents>(contents));
  return { contents, opened };
}
