import type { PowerMonitor } from 'electron';
import type { SessionService } from '../../core/session/session-service.ts';
import type { MinuteTickSource } from '../../core/time/minute-ticker.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import { isUserActive } from './presence.ts';

/**
 * Tells the session, on each of the core's minute ticks, whether the person is at the computer:
 * while they are, the meeting list is kept fresh (a meeting added for the next hour shows up
 * within minutes); while they are away it is fetched rarely. Reading the idle time is a cheap
 * synchronous call, so this adds no timer and no wake-up of its own.
 */
export function installPresence(
  deps: Pick<DesktopContext, 'teardown'> & {
    powerMonitor: Pick<PowerMonitor, 'getSystemIdleTime'>;
    core: {
      session: Pick<SessionService, 'setUserActive'>;
      minuteTicks: MinuteTickSource;
    };
  },
): void {
  const { powerMonitor, core } = deps;
  const report = () => core.session.setUserActive(isUserActive(powerMonitor.getSystemIdleTime()));
  report();
  deps.teardown.add(core.minuteTicks.onMinute(report));
}
