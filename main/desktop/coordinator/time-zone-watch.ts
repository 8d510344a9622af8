/**
 * Notices a change of the system time zone while the app runs. Neither Electron nor Node tells
 * the main process; it keeps using the zone it started with (desktop-facts §4, electron#33723).
 * So on every minute tick (and on wake) the zone is re-read after making the process forget its
 * cached one, and a change is announced: the tray, reminders and window then rebuild their
 * formatters, since an Intl.DateTimeFormat already built keeps its old zone.
 */
import type { MinuteTickSource } from '../../core/time/minute-ticker.ts';

/** How to ask the system for its zone: `process-time-zone.ts` in main, a fake in tests. */
export interface TimeZoneProbe {
  /** Makes the process drop its cached zone, so the next read sees the system's current one. */
  redetect(): void;
  /** The IANA zone the process uses now. */
  read(): string;
}

export interface TimeZoneWatch {
  /** The zone as of the last check. */
  current(): string;
  /** Re-reads the system zone now; true (and listeners told) when it changed. */
  check(): boolean;
  /** Called with the new zone after a change; returns an unsubscribe. */
  onChange(listener: (zone: string) => void): () => void;
  /** Checks on every minute tick of the shared timer, until `stop`. */
  start(): void;
  stop(): void;
}

export function createTimeZoneWatch(deps: {
  probe: TimeZoneProbe;
  minuteTicks: MinuteTickSource;
}): TimeZoneWatch {
  const listeners = new Set<(zone: string) => void>();
  let zone = deps.probe.read();
  let unsubscribe: (() => void) | null = null;

  const check = () => {
    deps.probe.redetect();
    const next = deps.probe.read();
    if (next === zone) return false;
    zone = next;
    for (const listener of [...listeners]) listener(next);
    return true;
  };

  return {
    current: () => zone,
    check,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      unsubscribe ??= deps.minuteTicks.onMinute(() => void check());
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      listeners.clear();
    },
  };
}
