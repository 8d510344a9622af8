// The stable door in front of the core in use: session calls, listeners and minute ticks follow
// a switch; the old account is signed out first; a core that cannot be built changes nothing.
import { describe, expect, it } from 'vitest';
import { createSwitchableCore } from '../../../main/app/switchable-core.ts';
import type { MeetingTrayCore } from '../../../main/core/meeting-tray-core.ts';
import { createMinuteTicks } from '../../../main/core/time/minute-ticker.ts';
import { createCapturingLogger } from '../../fakes/capturing-logger.ts';
import { createDeferred } from '../../fakes/fake-bridge.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';
import { createFakeSessionService } from '../../fakes/fake-session-service.ts';
import { signedIn, signedOut } from '../../fakes/session-fixtures.ts';

function fakeCore(name: string, clock = createFakeClock(), log: string[] = []) {
  const session = createFakeSessionService(signedOut);
  const core = {
    session: session.service,
    minuteTicks: createMinuteTicks({ clock }),
    auth: { handleDeepLink: (url: string) => (log.push(`${name} link ${url}`), true) },
    zoom: {},
    async shutdown() {
      log.push(`${name} shutdown`);
    },
  } as unknown as MeetingTrayCore;
  return { core, session, log, clock };
}

describe('createSwitchableCore', () => {
  it('signs the old account out, shuts its core down, and moves everything to the new one', async () => {
    const clock = createFakeClock();
    const log: string[] = [];
    const first = fakeCore('first', clock, log);
    const second = fakeCore('second', clock, log);
    first.session.publish(signedIn);
    const switchable = createSwitchableCore({
      first: first.core,
      drainMs: 5_000,
      logger: createCapturingLogger(),
    });
    const kinds: string[] = [];
    switchable.session.subscribe((state) => kinds.push(state.kind));
    let minutes = 0;
    switchable.minuteTicks.onMinute(() => (minutes += 1));
    await switchable.session.start();
    switchable.session.setWindowVisible(true);

    await switchable.switchTo(() => second.core);

    expect(first.session.calls).toEqual(['start', 'setWindowVisible:true', 'signOut']);
    expect(log).toEqual(['first shutdown']);
    expect(second.session.calls).toEqual(['setWindowVisible:true', 'start']);
    expect(switchable.current()).toBe(second.core);
    expect(kinds).toEqual(['signed-out']);

    second.session.publish(signedIn);
    first.session.publish(signedOut);
    expect(kinds).toEqual(['signed-out', 'signed-in']);
    await switchable.session.signIn();
    expect(second.session.calls.at(-1)).toBe('signIn');
    expect(switchable.auth.handleDeepLink('meetingtray://x')).toBe(true);
    expect(log.at(-1)).toBe('second link meetingtray://x');
    await clock.advance(60_000);
    expect(minutes).toBe(1);
  });

  it('holds session calls made during a switch for the new core', async () => {
    const first = fakeCore('first');
    const second = fakeCore('second');
    const built = createDeferred<MeetingTrayCore>();
    const switchable = createSwitchableCore({
      first: first.core,
      drainMs: 5_000,
      logger: createCapturingLogger(),
    });
    const switching = switchable.switchTo(() => built.promise);
    const refresh = switchable.session.refresh();
    await Promise.resolve();
    expect(first.session.calls).toEqual(['signOut']);
    built.resolve(second.core);
    await Promise.all([switching, refresh]);
    expect(first.session.calls).toEqual(['signOut']);
    expect(second.session.calls).toEqual(['refresh']);
  });

  it('keeps the old core when the new one cannot be built', async () => {
    const first = fakeCore('first');
    const switchable = createSwitchableCore({
      first: first.core,
      drainMs: 5_000,
      logger: createCapturingLogger(),
    });
    await expect(
      switchable.switchTo(() => Promise.reject(new Error('no sandbox'))),
    ).rejects.toThrow('no sandbox');
    expect(switchable.current()).toBe(first.core);
    expect(first.log).toEqual([]);
    await switchable.session.signIn();
    expect(first.session.calls).toEqual(['signOut', 'signIn']);
  });

  it('still switches when signing out of the old account fails', async () => {
    const first = fakeCore('first');
    const second = fakeCore('second');
    first.core.session.signOut = () => Promise.reject(new Error('keychain gone'));
    const logger = createCapturingLogger();
    const switchable = createSwitchableCore({ first: first.core, drainMs: 5_000, logger });
    await switchable.switchTo(() => second.core);
    expect(switchable.current()).toBe(second.core);
    expect(first.log).toEqual(['first shutdown']);
    expect(logger.text()).toContain('keychain gone');
  });
});
