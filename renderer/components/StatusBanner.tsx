import type { TimeFormat } from '../time/time-format.ts';

interface StatusBannerProps {
  offline: boolean;
  stale: boolean;
  updatedAt: number | null;
  format: TimeFormat;
}

/** Says the list may be out of date, and since when, like MeetingBar's stale warning. */
export function StatusBanner({ offline, stale, updatedAt, format }: StatusBannerProps) {
  if (!offline && !stale) return null;
  const since = updatedAt === null ? '' : ` — updated ${format.clock(updatedAt)}`;
  return (
    <p className="banner banner--muted" data-testid="stale-banner">
      {offline ? `Offline${since}` : `Not up to date${since}`}
    </p>
  );
}
