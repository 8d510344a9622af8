import { hardenAllWebContents } from '../../../../main/desktop/security/electron-web-contents-hardening.ts';
import { createFakeElectron, fakeEvent } from '../../../fakes/fake-electron.ts';
import { createRecordingLogger } from '../test-logger.ts';

/** A web contents created after hardenAllWebContents ran, and the URLs it handed to the OS. */
export function hardenedContents() {
  const electron = createFakeElectron();
  const opened: string[] = [];
  hardenAllWebContents(electron.app, {
    openExternal: async (url) => void opened.push(url),
    logger: createRecordingLogger(),
  });
  const contents = electron.newWebContents('app://renderer/index.html');
  electron.app.emit('web-contents-created', fakeEvent(), contents);
  return { contents, opened };
}
