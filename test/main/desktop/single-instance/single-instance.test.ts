import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from '../../../../main/desktop/single-instance/electron-single-instance.ts';
import { createFakeElectron, fakeEvent } from '../../../fakes/fake-electron.ts';

const CALLBACK = 'meetingtray://oauth/callback?code=c0de&state=s1';

describe('single instance (checklist: one app instance)', () => {
  it('a second copy gets no lock and must quit', () => {
    const electron = createFakeElectron({ singleInstanceLock: false });
    expect(claimSingleInstance(electron.app, () => undefined)).toBe(false);
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('the first copy hears later launches with their argv', () => {
    const electron = createFakeElectron();
    const seen: Array<readonly string[]> = [];
    expect(claimSingleInstance(electron.app, (argv) => seen.push(argv))).toBe(true);
    electron.app.emit('second-instance', fakeEvent(), ['mt', '--', CALLBACK], '/cwd', {});
    expect(seen).toEqual([['mt', '--', CALLBACK]]);
  });
});
