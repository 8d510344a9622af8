import type { SessionState } from '../../../preload/contract.ts';
import type { Clock, WakeEvents } from '../../core/ports.ts';
import { createMinuteTicker } from '../../core/time/minute-ticker.ts';
import type { ReminderScheduler } from '../reminders/reminder-scheduler.ts';
import { buildTrayModel, type TrayModel } from '../tray/tray-model.ts';

/** The part of the session service the shell reads. */
export interface ShellSession {
  getState(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
}

/**
 * Keeps the shell in step with the session: the window gets every state, the tray is rebuilt on
 * every change and once a minute on the minute, reminders follow the meeting list, and a wake
 * re-aligns everything to the wall clock (which may have jumped while asleep).
 */
export function createShellCoordinator(deps: {
  clock: Clock;
  session: ShellSession;
  wake: WakeEvents;
  renderTray: (model: TrayModel) => void;
  /** Pushes a state to the window (through the IPC layer's renderer gate). */
  publishState: (state: SessionState) => void;
  reminders: ReminderScheduler;
  timeZone: () => string | undefined;
  /** Session-driven side effects the shell does not own (launch-at-login offer, offline watch). */
  onState?: (state: SessionState) => void;
}) {
  const renderNow = () =>
    deps.renderTray(
      buildTrayModel(deps.session.getState(), deps.clock.now(), deps.timeZone(), {
        reminderLead: deps.reminders.lead(),
      }),
    );
  const ticker = createMinuteTicker({
    clock: deps.clock,
    onTick: () => {
      renderNow();
      deps.reminders.replan();
    },
  });
  const meetingsOf = (state: SessionState) => (state.kind === 'signed-in' ? state.meetings : []);

  const onState = (state: SessionState) => {
    deps.publishState(state);
    renderNow();
    deps.reminders.setMeetings(meetingsOf(state));
    deps.onState?.(state);
  };

  let unsubscribe: (() => void) | null = null;
  let unwake: (() => void) | null = null;
  return {
    /** Rebuilds the tray now, e.g. after a setting shown in the menu changed. */
    renderTray: renderNow,
    start() {
      unsubscribe = deps.session.subscribe(onState);
      unwake = deps.wake.onWake(() => {
        ticker.realign();
        renderNow();
        deps.reminders.replan();
      });
      const state = deps.session.getState();
      renderNow();
      deps.reminders.setMeetings(meetingsOf(state));
      ticker.start();
    },
    stop() {
      unsubscribe?.();
      unwake?.();
      ticker.stop();
      deps.reminders.dispose();
    },
  };
}
