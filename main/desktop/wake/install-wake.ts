import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import { createWakeEvents, type NetworkAwareWakeEvents } from './electron-wake-events.ts';

/** Resume, unlock and "back online", for the core's refreshes and the shell's re-planning. */
export function installWake(
  deps: Pick<DesktopContext, 'clock' | 'teardown'> & {
    powerMonitor: Parameters<typeof createWakeEvents>[0]['powerMonitor'];
    net: Parameters<typeof createWakeEvents>[0]['net'];
  },
): NetworkAwareWakeEvents {
  const wake = createWakeEvents({
    powerMonitor: deps.powerMonitor,
    net: deps.net,
    clock: deps.clock,
  });
  deps.teardown.add(() => wake.dispose());
  return wake;
}
