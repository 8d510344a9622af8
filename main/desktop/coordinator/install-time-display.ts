import type { App } from 'electron';
import { resolveTimeStyle, type TimeStyle } from '../../../preload/shared/time-style.ts';
import type { SettingsStore } from '../../core/ports.ts';
import type { MinuteTickSource } from '../../core/time/minute-ticker.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import type { Preferences } from '../settings/preferences.ts';
import { createDisplaySource, readClockChoice, type DisplayPublisher } from './display-source.ts';
import { createProcessTimeZoneProbe } from './process-time-zone.ts';
import { createTimeZoneWatch, type TimeZoneWatch } from './time-zone-watch.ts';

export interface TimeDisplay {
  /** Pushed to the window through the IPC door; `changed()` after a Settings write. */
  display: DisplayPublisher;
  /** The system zone, re-checked every minute and on wake. */
  zone: TimeZoneWatch;
  /** The system's regional-format locale and the `clock` option, for the tray and reminders. */
  timeStyle: () => TimeStyle;
}

/**
 * How the app shows time, in one place: the system zone (watched, since Electron's main process
 * never hears of a change), the system's regional-format locale (`app.getSystemLocale()`, meant
 * for dates and times; desktop-facts §4) and the person's `clock` and `joinIn` choices from
 * settings (the join opener reads `joinIn` itself, with readJoinChoice). Call once ready (the locale is only known then) and after the core exists (its
 * minute timer drives the checks and the window's countdown).
 */
export function installTimeDisplay(
  deps: Pick<DesktopContext, 'clock' | 'teardown'> & {
    app: Pick<App, 'getSystemLocale'>;
    settings: Pick<SettingsStore, 'get'>;
    minuteTicks: MinuteTickSource;
    /** A Settings change (clock, join choice) is pushed to the window at once. */
    preferences?: Pick<Preferences, 'subscribe'>;
  },
): TimeDisplay {
  const zone = createTimeZoneWatch({
    probe: createProcessTimeZoneProbe(),
    minuteTicks: deps.minuteTicks,
  });
  // Started before anyone else rides the minute for display, so a tick checks the zone first.
  zone.start();
  const locale = () => deps.app.getSystemLocale() || null;
  const display = createDisplaySource({
    clock: deps.clock,
    minuteTicks: deps.minuteTicks,
    settings: deps.settings,
    system: {
      timeZone: () => zone.current(),
      onTimeZoneChange: (listener) => zone.onChange(() => listener()),
      locale,
      // Electron cannot read the system's 12/24-hour switch (electron#13023): the locale decides.
      systemHourCycle: () => null,
    },
  });
  const stopFollowing = deps.preferences?.subscribe(() => display.changed());
  deps.teardown.add(() => {
    stopFollowing?.();
    display.stop();
    zone.stop();
  });
  return {
    display,
    zone,
    timeStyle: () => resolveTimeStyle({ locale: locale(), clock: readClockChoice(deps.settings) }),
  };
}
