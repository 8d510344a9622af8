/**
 * The window's view of time and of the person's display choices, owned by main: the minute of
 * main's one minute timer, the system's zone and locale, and the `clock` and `joinIn` options
 * from settings. The window runs no timer of its own; its countdowns move when this pushes.
 * Both hosts build it: the app with the system's zone and locale, the browser harness with
 * none (the page's own, which is what a browser's `timezoneId` and `locale` set).
 */
import type {
  ClockChoice,
  DisplayState,
  HourCycle,
  JoinChoice,
} from '../../../preload/contract.ts';
import { parseClockChoice, parseJoinChoice } from '../../../preload/shared/time-style.ts';
import type { Clock, SettingsStore } from '../../core/ports.ts';
import type { MinuteTickSource } from '../../core/time/minute-ticker.ts';
import type { DisplaySource } from '../../ipc/ipc-server.ts';
import { ShellSetting } from '../settings/settings-keys.ts';

/** The `clock` option as stored (the Settings screen writes it), or its default. */
export function readClockChoice(settings: Pick<SettingsStore, 'get'>): ClockChoice {
  return parseClockChoice(settings.get(ShellSetting.clock));
}

/** The `joinIn` option as stored, or its default ('app'). */
export function readJoinChoice(settings: Pick<SettingsStore, 'get'>): JoinChoice {
  return parseJoinChoice(settings.get(ShellSetting.joinIn));
}

/** What the host knows about the system; null where it leaves the choice to the page. */
export interface DisplaySystem {
  /** The zone as last checked (see time-zone-watch.ts); null means the page's own. */
  timeZone(): string | null;
  /** Called with nothing after a system zone change; returns an unsubscribe. */
  onTimeZoneChange?(listener: () => void): () => void;
  /** The regional-format locale (Electron: app.getSystemLocale()); null means the page's own. */
  locale(): string | null;
  /** The system's 12/24-hour setting when the host can read it, else null (the locale's habit). */
  systemHourCycle(): HourCycle | null;
}

export interface DisplayPublisher extends DisplaySource {
  /** Pushes the current state now: call after writing `clock` or `joinIn` (the Settings screen). */
  changed(): void;
  /** Stops listening to the minute and the zone. */
  stop(): void;
}

export function createDisplaySource(deps: {
  clock: Clock;
  minuteTicks: MinuteTickSource;
  settings: Pick<SettingsStore, 'get'>;
  system: DisplaySystem;
}): DisplayPublisher {
  const listeners = new Set<(display: DisplayState) => void>();
  const stops: Array<() => void> = [];

  const getState = (): DisplayState => ({
    now: deps.clock.now(),
    timeZone: deps.system.timeZone(),
    locale: deps.system.locale(),
    systemHourCycle: deps.system.systemHourCycle(),
    clock: readClockChoice(deps.settings),
    joinIn: readJoinChoice(deps.settings),
  });
  const publish = () => {
    if (listeners.size === 0) return;
    const state = getState();
    for (const listener of [...listeners]) listener(state);
  };
  // Rides the shared minute only while someone listens, like every other user of the timer.
  const listen = () => {
    stops.push(deps.minuteTicks.onMinute(publish));
    if (deps.system.onTimeZoneChange) stops.push(deps.system.onTimeZoneChange(publish));
  };
  const unlisten = () => {
    for (const stop of stops.splice(0)) stop();
  };

  return {
    getState,
    subscribe(listener) {
      // A wrapper per subscription, so one function subscribed twice leaves once per call.
      const entry = (state: DisplayState) => listener(state);
      listeners.add(entry);
      if (listeners.size === 1) listen();
      return () => {
        if (!listeners.delete(entry)) return;
        if (listeners.size === 0) unlisten();
      };
    },
    changed: publish,
    stop() {
      listeners.clear();
      unlisten();
    },
  };
}
