import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import type { TrayController } from '../tray/electron-tray.ts';
import {
  createShellCoordinator,
  type ShellReminders,
  type ShellSession,
  type ShellWake,
} from './shell-coordinator.ts';

/** Starts keeping the tray and reminders in step with the session, in the system's time zone. */
export function installShellCoordinator(
  deps: Pick<DesktopContext, 'clock' | 'teardown'> & {
    session: ShellSession;
    wake: ShellWake;
    tray: Pick<TrayController, 'render'>;
    reminders: ShellReminders;
  },
): void {
  const coordinator = createShellCoordinator({
    clock: deps.clock,
    session: deps.session,
    wake: deps.wake,
    renderTray: (model) => deps.tray.render(model),
    reminders: deps.reminders,
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  coordinator.start();
  deps.teardown.add(() => coordinator.stop());
}
