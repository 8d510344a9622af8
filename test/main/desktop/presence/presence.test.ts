import { describe, expect, it } from 'vitest';
import { createMinuteTicks } from '../../../../main/core/time/minute-ticker.ts';
import { installPresence } from '../../../../main/desktop/presence/install-presence.ts';
import { isUserActive } from '../../../../main/desktop/presence/presence.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createFakeSessionService } from '../../../fakes/fake-session-service.ts';
import { createRecordingLogger } from '../test-logger.ts';

describe('presence', () => {
  it('counts the person as away after five minutes without input', () => {
    expect(isUserActive(0)).toBe(true);
    expect(isUserActive(299)).toBe(true);
    expect(isUserActive(300)).toBe(false);
    expect(isUserActive(Number.NaN)).toBe(false);
  });

  it('reports presence at start and on every minute tick, until quit', async () => {
    const clock = createFakeClock(Date.parse('2026-11-24T09:00:30Z'));
    const { powerMonitor } = createFakeElectron();
    const session = createFakeSessionService();
    const teardown = createTeardown(createRecordingLogger());
    const minuteTicks = createMinuteTicks({ clock });
    powerMonitor.idleSeconds = 10;
    installPresence({ teardown, powerMonitor, core: { session: session.service, minuteTicks } });
    powerMonitor.idleSeconds = 600;
    await clock.advance(30_000);
    await teardown.run();
    await clock.advance(5 * 60_000);
    expect(session.calls.filter((c) => c.startsWith('setUserActive'))).toEqual([
      'setUserActive:true',
      'setUserActive:false',
    ]);
  });
});
