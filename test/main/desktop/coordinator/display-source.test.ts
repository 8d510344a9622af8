import { describe, expect, it } from 'vitest';
import type { DisplayState } from '../../../../preload/contract.ts';
import { createMinuteTicks } from '../../../../main/core/time/minute-ticker.ts';
import { createDisplaySource } from '../../../../main/desktop/coordinator/display-source.ts';
import { installTimeDisplay } from '../../../../main/desktop/coordinator/install-time-display.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { createRecordingLogger } from '../test-logger.ts';

function setup(settings: Record<string, unknown> = {}) {
  const clock = createFakeClock(Date.parse('2026-11-24T09:00:20Z'));
  const minuteTicks = createMinuteTicks({ clock });
  const store = createMemorySettingsStore(settings);
  const display = createDisplaySource({
    clock,
    minuteTicks,
    settings: store,
    system: {
      timeZone: () => 'America/Los_Angeles',
      locale: () => 'en-US',
      systemHourCycle: () => null,
    },
  });
  return { clock, store, display };
}

describe('the display source', () => {
  it('answers main’s time, zone and locale, and the options with their defaults', () => {
    const { display } = setup();
    expect(display.getState()).toEqual<DisplayState>({
      now: Date.parse('2026-11-24T09:00:20Z'),
      timeZone: 'America/Los_Angeles',
      locale: 'en-US',
      systemHourCycle: null,
      clock: 'system',
      joinIn: 'app',
    });
  });

  it('reads the clock and joinIn options from settings, ignoring values it does not know', () => {
    expect(
      setup({ 'display.clock': '12h', 'join.openIn': 'browser' }).display.getState(),
    ).toMatchObject({ clock: '12h', joinIn: 'browser' });
    expect(setup({ 'display.clock': 'h12', 'join.openIn': 42 }).display.getState()).toMatchObject({
      clock: 'system',
      joinIn: 'app',
    });
  });

  it('pushes on every minute tick, on the minute, and runs no timer while nobody listens', async () => {
    const { clock, display } = setup();
    await clock.advance(5 * 60_000);
    expect(clock.pendingTimers()).toBe(0);

    const pushed: number[] = [];
    const stop = display.subscribe((next) => pushed.push(next.now));
    await clock.advance(3 * 60_000);
    expect(pushed.map((now) => new Date(now).toISOString())).toEqual([
      '2026-11-24T09:06:00.000Z',
      '2026-11-24T09:07:00.000Z',
      '2026-11-24T09:08:00.000Z',
    ]);
    stop();
    await clock.advance(3 * 60_000);
    expect(pushed).toHaveLength(3);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('pushes at once when a choice changes (the Settings screen calls changed)', () => {
    const { store, display } = setup();
    const pushed: DisplayState[] = [];
    display.subscribe((next) => pushed.push(next));
    store.set('display.clock', '24h');
    display.changed();
    expect(pushed.map((d) => d.clock)).toEqual(['24h']);
  });
});

describe('installTimeDisplay (the app’s wiring)', () => {
  it('uses the system’s regional-format locale and the clock option for tray and reminders', () => {
    const electron = createFakeElectron();
    electron.app.systemLocale = 'de-DE';
    const clock = createFakeClock();
    const teardown = createTeardown(createRecordingLogger());
    const settings = createMemorySettingsStore();
    const time = installTimeDisplay({
      clock,
      teardown,
      app: electron.app,
      settings,
      minuteTicks: createMinuteTicks({ clock }),
    });
    expect(time.display.getState()).toMatchObject({ locale: 'de-DE', clock: 'system' });
    expect(time.display.getState().timeZone).toBe(time.zone.current());
    expect(time.timeStyle()).toEqual({ locale: 'de-DE', hourCycle: 'h23' });
    settings.set('display.clock', '12h');
    expect(time.timeStyle()).toEqual({ locale: 'de-DE', hourCycle: 'h12' });
  });

  it('stops checking the zone on teardown', async () => {
    const electron = createFakeElectron();
    const clock = createFakeClock();
    const teardown = createTeardown(createRecordingLogger());
    installTimeDisplay({
      clock,
      teardown,
      app: electron.app,
      settings: createMemorySettingsStore(),
      minuteTicks: createMinuteTicks({ clock }),
    });
    expect(clock.pendingTimers()).toBe(1);
    await teardown.run();
    expect(clock.pendingTimers()).toBe(0);
  });
});
