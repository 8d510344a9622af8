// A change of the system time zone while the app runs: the main process never hears of it, so
// the zone watch re-reads it on the shared minute tick and on wake; the tray, the reminders
// and the window's display push all follow within that minute. Fake clock, fake probe.
import { describe, expect, it } from 'vitest';
import type { DisplayState, SessionState } from '../../../../preload/contract.ts';
import { createMinuteTicks } from '../../../../main/core/time/minute-ticker.ts';
import { createDisplaySource } from '../../../../main/desktop/coordinator/display-source.ts';
import { createShellCoordinator } from '../../../../main/desktop/coordinator/shell-coordinator.ts';
import {
  createTimeZoneWatch,
  type TimeZoneProbe,
} from '../../../../main/desktop/coordinator/time-zone-watch.ts';
import {
  createReminderScheduler,
  type ReminderNotice,
} from '../../../../main/desktop/reminders/reminder-scheduler.ts';
import type { TrayModel } from '../../../../main/desktop/tray/tray-model.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting, signedIn } from '../meeting-fixtures.ts';

/** The system's zone as the process sees it: stale until `redetect`, like Node's cache. */
function createFakeProbe(initial: string) {
  let system = initial;
  let seen = initial;
  let redetects = 0;
  const probe: TimeZoneProbe = {
    redetect: () => {
      redetects += 1;
      seen = system;
    },
    read: () => seen,
  };
  return {
    probe,
    /** The person (or the OS, after travel) changes the system zone. */
    setSystemZone: (zone: string) => void (system = zone),
    redetects: () => redetects,
  };
}

function setup() {
  // 12:30:20 UTC: 13:30 in Berlin, 07:30 in New York. The meeting is at 13:00 UTC.
  const clock = createFakeClock(Date.parse('2026-11-24T12:30:20Z'));
  const minuteTicks = createMinuteTicks({ clock });
  const system = createFakeProbe('Europe/Berlin');
  const zone = createTimeZoneWatch({ probe: system.probe, minuteTicks });
  zone.start();

  let state: SessionState = signedIn([meeting('1', 'Standup', '2026-11-24T13:00:00Z')]);
  const trays: TrayModel[] = [];
  const notices: ReminderNotice[] = [];
  const reminders = createReminderScheduler({
    clock,
    settings: createMemorySettingsStore({ 'reminders.leadMinutes': 15 }),
    notify: (notice) => notices.push(notice),
    timeZone: () => zone.current(),
  });
  const wakeListeners = new Set<(reason: 'resume' | 'unlock' | 'online') => void>();
  const coordinator = createShellCoordinator({
    clock,
    session: { getState: () => state, subscribe: () => () => undefined },
    wake: {
      onWake: (l) => (wakeListeners.add(l), () => wakeListeners.delete(l)),
      watchForOnline: () => undefined,
    },
    renderTray: (model) => trays.push(model),
    reminders,
    timeZone: () => zone.current(),
    minuteTicks,
    zone,
  });
  const display = createDisplaySource({
    clock,
    minuteTicks,
    settings: createMemorySettingsStore(),
    system: {
      timeZone: () => zone.current(),
      onTimeZoneChange: (listener) => zone.onChange(() => listener()),
      locale: () => 'de-DE',
      systemHourCycle: () => null,
    },
  });
  const pushed: DisplayState[] = [];
  display.subscribe((next) => pushed.push(next));
  coordinator.start();
  return {
    clock,
    system,
    zone,
    trays,
    notices,
    pushed,
    wake: () => {
      for (const listener of wakeListeners) listener('resume');
    },
    setState: (next: SessionState) => (state = next),
  };
}

const tooltip = (trays: TrayModel[]) => trays.at(-1)?.tooltip;

describe('a system time-zone change while running', () => {
  it('is picked up on the next minute tick by the tray, the reminders and the window', async () => {
    const { clock, system, zone, trays, notices, pushed } = setup();
    expect(tooltip(trays)).toBe('Next: Standup at 14:00 — in 30 min');

    // The zone changes at 12:30:30; nothing notices until the minute turns (12:31:00).
    await clock.advance(10_000);
    system.setSystemZone('America/New_York');
    expect(zone.current()).toBe('Europe/Berlin');
    expect(tooltip(trays)).toBe('Next: Standup at 14:00 — in 30 min');

    await clock.advance(30_000);
    expect(zone.current()).toBe('America/New_York');
    expect(tooltip(trays)).toBe('Next: Standup at 08:00 — in 29 min');
    expect(pushed.at(-1)).toMatchObject({ timeZone: 'America/New_York', locale: 'de-DE' });
    expect(pushed.at(-1)?.now).toBe(Date.parse('2026-11-24T12:31:00Z'));

    // The reminder 15 minutes before (12:45 UTC) speaks the new zone's clock.
    await clock.advance(14 * 60_000);
    expect(notices.map((n) => n.body)).toEqual(['Starts at 08:00 — in 15 min']);
  });

  it('is checked at once on wake, without waiting for the minute', async () => {
    const { system, zone, trays, wake } = setup();
    system.setSystemZone('Asia/Tokyo');
    wake();
    expect(zone.current()).toBe('Asia/Tokyo');
    expect(tooltip(trays)).toBe('Next: Standup at 22:00 — in 30 min');
  });

  it('costs one re-read a minute and tells no one when nothing changed', async () => {
    const { clock, system, pushed, trays } = setup();
    const before = { redetects: system.redetects(), pushes: pushed.length, trays: trays.length };
    await clock.advance(60_000);
    expect(system.redetects() - before.redetects).toBe(1);
    // One display push and one tray render: the minute's own, none for a zone change.
    expect(pushed.length - before.pushes).toBe(1);
    expect(trays.length - before.trays).toBe(1);
  });
});

describe('createTimeZoneWatch', () => {
  it('re-reads only after making the process forget its zone, and reports changes once', () => {
    const clock = createFakeClock();
    const system = createFakeProbe('UTC');
    const watch = createTimeZoneWatch({
      probe: system.probe,
      minuteTicks: createMinuteTicks({ clock }),
    });
    const changes: string[] = [];
    const stop = watch.onChange((z) => changes.push(z));
    expect(watch.check()).toBe(false);
    system.setSystemZone('Asia/Kolkata');
    expect(watch.check()).toBe(true);
    expect(watch.check()).toBe(false);
    stop();
    system.setSystemZone('UTC');
    expect(watch.check()).toBe(true);
    expect(changes).toEqual(['Asia/Kolkata']);
  });

  it('rides the shared minute only between start and stop', async () => {
    const clock = createFakeClock();
    const minuteTicks = createMinuteTicks({ clock });
    const system = createFakeProbe('UTC');
    const watch = createTimeZoneWatch({ probe: system.probe, minuteTicks });
    await clock.advance(120_000);
    expect(system.redetects()).toBe(0);
    watch.start();
    watch.start();
    await clock.advance(120_000);
    expect(system.redetects()).toBe(2);
    watch.stop();
    await clock.advance(120_000);
    expect(system.redetects()).toBe(2);
    expect(clock.pendingTimers()).toBe(0);
  });
});
