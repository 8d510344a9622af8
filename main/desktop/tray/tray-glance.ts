/**
 * The next meeting at a glance, without opening anything. macOS shows text beside the icon
 * (Tray.setTitle). Windows and Linux have no tray title (Electron's setTitle is macOS-only) and
 * many Linux panels hide tooltips, so there the icon itself carries the minutes left.
 */
import type { GlanceMeeting } from './tray-model.ts';
import { truncate } from '../time-format.ts';

/** A title for the macOS menu bar, or the minutes the icon shows elsewhere; empty for neither. */
export type TrayGlance = { title?: string; iconMinutes?: number };

export interface TrayGlanceOptions {
  /** The macOS menu-bar title setting (on by default). */
  menuBarTitle?: boolean;
}

const MINUTE = 60_000;
const TOPIC_IN_TITLE = 20;
/** The menu-bar title counts down within a day; the icon within the hour (two digits). */
const TITLE_HORIZON_MINUTES = 24 * 60;
const ICON_HORIZON_MINUTES = 60;

/** `25m`, `1h 5m`, `3h`; `now` once it has started. */
export function shortCountdown(now: number, start: number): string {
  const minutes = minutesUntil(now, start);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 60)}h ${rest}m`;
}

/** Whole minutes left, rounded up so "0" never shows before the start; 0 once started. */
function minutesUntil(now: number, start: number): number {
  return Math.max(0, Math.ceil((start - now) / MINUTE));
}

/**
 * What the tray shows at a glance for `meeting` (the one just started, or the next) at `now`:
 * on macOS `{ title }` ("Standup · 25m", "Standup · now") within the next day, unless the
 * menu-bar title is switched off; elsewhere `{ iconMinutes }` within the next hour, 0 meaning
 * it has started.
 */
export function trayGlance(
  platform: NodeJS.Platform,
  meeting: GlanceMeeting | null,
  now: number,
  options: TrayGlanceOptions = {},
): TrayGlance {
  if (!meeting) return {};
  const minutes = minutesUntil(now, meeting.start);
  if (platform === 'darwin') {
    if (options.menuBarTitle === false || minutes >= TITLE_HORIZON_MINUTES) return {};
    return {
      title: `${truncate(meeting.topic, TOPIC_IN_TITLE)} · ${shortCountdown(now, meeting.start)}`,
    };
  }
  return minutes <= ICON_HORIZON_MINUTES ? { iconMinutes: minutes } : {};
}
