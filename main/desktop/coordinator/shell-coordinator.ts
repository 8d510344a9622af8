import type { FathomState, SessionState } from '../../../preload/contract.ts';
import type { TimeStyle } from '../../../preload/shared/time-style.ts';
import type { Clock, WakeEvents } from '../../core/ports.ts';
import { createMinuteTicker, type MinuteTicks } from '../../core/time/minute-ticker.ts';
import type { ReminderScheduler } from '../reminders/reminder-scheduler.ts';
import { withNotesReady } from '../tray/notes-ready.ts';
import { createTrayModelBuilder, type TrayModel } from '../tray/tray-model.ts';
import type { TimeZoneWatch } from './time-zone-watch.ts';

/** The part of the session service the shell reads. */
export interface ShellSession {
  getState(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
}

/** The part of Fathom's connection the shell reads: its notes feed the tray's "Notes ready". */
export interface ShellFathom {
  getState(): FathomState;
  subscribe(listener: (state: FathomState) => void): () => void;
}

/** Wake events, plus a way to ask for an `online` wake once the network is back. */
export interface ShellWake extends WakeEvents {
  watchForOnline(): void;
}

export type ShellReminders = Pick<
  ReminderScheduler,
  'setMeetings' | 'replan' | 'lead' | 'onLeadChange'
>;

/**
 * Keeps the shell in step with the session: the tray is rebuilt on every change, on a new
 * reminder setting and once a minute on the minute; reminders follow the meeting list; an
 * offline session watches for the network; a wake re-aligns everything to the wall clock
 * (which may have jumped while asleep). The window gets its state through the IPC door.
 */
export function createShellCoordinator(deps: {
  clock: Clock;
  session: ShellSession;
  wake: ShellWake;
  renderTray: (model: TrayModel) => void;
  reminders: ShellReminders;
  timeZone: () => string | undefined;
  /** The app's one minute timer (the core's), so the tray adds no wake-ups of its own. */
  minuteTicks?: MinuteTicks;
  /**
   * The system zone watch (time-zone-watch.ts): a change re-renders the tray and re-plans the
   * reminders at once, and a wake checks it first (travel is when zones change).
   */
  zone?: Pick<TimeZoneWatch, 'check' | 'onChange'>;
  /** The locale and `clock` choice the window uses, so the tray writes times the same way. */
  timeStyle?: () => TimeStyle;
  /** Settings changes (the clock, the menu-bar title) re-render the tray at once. */
  preferences?: { subscribe(listener: () => void): () => void };
  /** Fathom: its recent notes add "Notes ready" entries; absent, the tray shows Zoom only. */
  fathom?: ShellFathom;
}) {
  // Keeps the sorted meetings between ticks: a tick reads only the few meetings the tray shows.
  const buildTrayModel = createTrayModelBuilder();
  const renderNow = () => {
    const now = deps.clock.now();
    const model = buildTrayModel(deps.session.getState(), now, deps.timeZone(), {
      reminderLead: deps.reminders.lead(),
      ...(deps.timeStyle && { timeStyle: deps.timeStyle() }),
    });
    deps.renderTray(deps.fathom ? withNotesReady(model, deps.fathom.getState(), now) : model);
  };
  const ticker = createMinuteTicker({
    clock: deps.clock,
    ticks: deps.minuteTicks,
    onTick: () => {
      renderNow();
      deps.reminders.replan();
    },
  });
  const meetingsOf = (state: SessionState) => (state.kind === 'signed-in' ? state.meetings : []);

  const onState = (state: SessionState) => {
    renderNow();
    deps.reminders.setMeetings(meetingsOf(state));
    if (state.kind === 'signed-in' && state.offline) deps.wake.watchForOnline();
  };

  const stops: Array<() => void> = [];
  return {
    start() {
      stops.push(
        deps.session.subscribe(onState),
        deps.reminders.onLeadChange(renderNow),
        deps.wake.onWake(() => {
          deps.zone?.check();
          ticker.realign();
          renderNow();
          deps.reminders.replan();
        }),
      );
      if (deps.preferences) stops.push(deps.preferences.subscribe(renderNow));
      if (deps.fathom) stops.push(deps.fathom.subscribe(renderNow));
      if (deps.zone)
        stops.push(
          deps.zone.onChange(() => {
            renderNow();
            deps.reminders.replan();
          }),
        );
      const state = deps.session.getState();
      renderNow();
      deps.reminders.setMeetings(meetingsOf(state));
      ticker.start();
    },
    stop() {
      for (const stop of stops.splice(0)) stop();
      ticker.stop();
    },
  };
}
