import type { SessionService } from '../../core/session/session-service.ts';
import type { MinuteTicks } from '../../core/time/minute-ticker.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import type { TrayController } from '../tray/electron-tray.ts';
import type { MainWindow } from '../window/electron-main-window.ts';
import {
  createShellCoordinator,
  type ShellFathom,
  type ShellReminders,
  type ShellSession,
  type ShellWake,
} from './shell-coordinator.ts';
import type { TimeZoneWatch } from './time-zone-watch.ts';
import type { TimeStyle } from '../../../preload/shared/time-style.ts';

/**
 * Starts keeping the tray and reminders in step with the session, in the system's time zone, on
 * the core's minute ticks; and tells the session when the window opens or closes (it refreshes
 * more often while the person is looking).
 */
export function installShellCoordinator(
  deps: Pick<DesktopContext, 'clock' | 'teardown'> & {
    core: {
      session: ShellSession & Pick<SessionService, 'setWindowVisible'>;
      minuteTicks: MinuteTicks;
      /** Fathom: "Notes ready" in the tray, and told when the window opens (it may list). */
      fathom?: ShellFathom & { setWindowVisible(visible: boolean): void };
    };
    wake: ShellWake;
    tray: Pick<TrayController, 'render'>;
    reminders: ShellReminders;
    window: Pick<MainWindow, 'onVisibilityChange'>;
    /** The system zone, watched (install-time-display.ts); without it, the zone read each time. */
    zone?: Pick<TimeZoneWatch, 'current' | 'check' | 'onChange'>;
    /** The window's time style (install-time-display.ts), for the tray's times. */
    timeStyle?: () => TimeStyle;
    /** Settings changes: the tray re-renders at once. */
    preferences?: { subscribe(listener: () => void): () => void };
  },
): void {
  const { session, minuteTicks } = deps.core;
  const coordinator = createShellCoordinator({
    clock: deps.clock,
    session,
    wake: deps.wake,
    renderTray: (model) => deps.tray.render(model),
    reminders: deps.reminders,
    timeZone: () => deps.zone?.current() ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    minuteTicks,
    ...(deps.zone && { zone: deps.zone }),
    ...(deps.timeStyle && { timeStyle: deps.timeStyle }),
    ...(deps.preferences && { preferences: deps.preferences }),
    ...(deps.core.fathom && { fathom: deps.core.fathom }),
  });
  coordinator.start();
  deps.teardown.add(() => coordinator.stop());
  const { fathom } = deps.core;
  deps.teardown.add(
    deps.window.onVisibilityChange((visible) => {
      session.setWindowVisible(visible);
      fathom?.setWindowVisible(visible);
    }),
  );
}
