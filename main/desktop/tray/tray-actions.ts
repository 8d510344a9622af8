import type { Logger } from '../../core/ports.ts';
import type { ReminderLead } from '../reminders/reminder-planner.ts';
import type { TrayAction } from './tray-model.ts';

export interface TrayActionTargets {
  showWindow(): void;
  /** Shows the window on its Settings screen. */
  openSettings(): void;
  join(url: string): Promise<void>;
  signIn(): Promise<void>;
  signOut(): Promise<unknown>;
  refresh(): Promise<void>;
  setReminderLead(lead: ReminderLead): void;
  quit(): void;
  logger: Logger;
}

/**
 * Runs what a tray menu item asks for. Failures are logged, not thrown: the session service
 * already turns sign-in and refresh failures into state the tray and window show.
 */
export function createTrayActionHandler(targets: TrayActionTargets): (action: TrayAction) => void {
  const attempt = (what: string, run: () => Promise<unknown>) => {
    run().catch((error: unknown) =>
      targets.logger.warn(`tray: ${what} failed`, { code: (error as { code?: unknown })?.code }),
    );
  };
  return (action) => {
    switch (action.type) {
      case 'open-window':
        targets.showWindow();
        return;
      case 'open-settings':
        targets.openSettings();
        return;
      case 'join':
        attempt('join', () => targets.join(action.url));
        return;
      case 'refresh':
        attempt('refresh', () => targets.refresh());
        return;
      case 'sign-in':
        // The browser opens; the window shows progress and a way to cancel.
        targets.showWindow();
        attempt('sign-in', () => targets.signIn());
        return;
      case 'sign-out':
        attempt('sign-out', () => targets.signOut());
        return;
      case 'set-reminder-lead':
        targets.setReminderLead(action.lead);
        return;
      case 'quit':
        targets.quit();
        return;
    }
  };
}
