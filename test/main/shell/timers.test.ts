import { describe, expect, it } from 'vitest';
import {
  createHiddenWindowReaper,
  HIDDEN_WINDOW_LIFETIME_MS,
} from '../../../main/shell/hidden-window-reaper.ts';
import { createMinuteTicker, delayToNextMinute } from '../../../main/shell/minute-ticker.ts';
import { createFakeClock } from '../../fakes/fake-clock.ts';

describe('minute ticker', () => {
  it('computes the delay to the next minute boundary', () => {
    expect(delayToNextMinute(Date.parse('2026-11-24T09:00:00.000Z'))).toBe(60_000);
    expect(delayToNextMinute(Date.parse('2026-11-24T09:00:59.250Z'))).toBe(750);
    expect(delayToNextMinute(Date.parse('2026-11-24T09:00:12.000Z'))).toBe(48_000);
  });

  it('ticks on each minute boundary and never more often', async () => {
    const clock = createFakeClock(Date.parse('2026-11-24T09:00:20Z'));
    const ticks: string[] = [];
    const ticker = createMinuteTicker({
      clock,
      onTick: () => ticks.push(new Date(clock.now()).toISOString()),
    });
    ticker.start();
    ticker.start(); // a second start must not double the timer
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(3 * 60_000);
    expect(ticks).toEqual([
      '2026-11-24T09:01:00.000Z',
      '2026-11-24T09:02:00.000Z',
      '2026-11-24T09:03:00.000Z',
    ]);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('re-aligns to the wall clock after a clock jump', async () => {
    const clock = createFakeClock(Date.parse('2026-11-24T09:00:00Z'));
    const ticks: number[] = [];
    const ticker = createMinuteTicker({ clock, onTick: () => ticks.push(clock.now()) });
    ticker.start();
    clock.jump(30_500); // the wall clock moved; the old timer is now misaligned
    ticker.realign();
    await clock.advance(29_500);
    expect(ticks).toEqual([Date.parse('2026-11-24T09:01:00Z')]);
  });

  it('stops', async () => {
    const clock = createFakeClock();
    let ticks = 0;
    const ticker = createMinuteTicker({ clock, onTick: () => (ticks += 1) });
    ticker.start();
    ticker.stop();
    await clock.advance(5 * 60_000);
    expect(ticks).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('hidden window reaper', () => {
  it('destroys the window after it stayed hidden for five minutes', async () => {
    const clock = createFakeClock();
    let destroyed = 0;
    const reaper = createHiddenWindowReaper({ clock, destroyWindow: () => (destroyed += 1) });
    reaper.windowHidden();
    await clock.advance(HIDDEN_WINDOW_LIFETIME_MS - 1);
    expect(destroyed).toBe(0);
    await clock.advance(1);
    expect(destroyed).toBe(1);
    expect(HIDDEN_WINDOW_LIFETIME_MS).toBe(5 * 60_000);
  });

  it('keeps the window when it is shown again in time', async () => {
    const clock = createFakeClock();
    let destroyed = 0;
    const reaper = createHiddenWindowReaper({
      clock,
      destroyWindow: () => (destroyed += 1),
      lifetimeMs: 1000,
    });
    reaper.windowHidden();
    await clock.advance(900);
    reaper.windowShown();
    await clock.advance(5000);
    expect(destroyed).toBe(0);
    reaper.windowHidden(); // the clock restarts from the new hide
    await clock.advance(999);
    expect(destroyed).toBe(0);
    await clock.advance(1);
    expect(destroyed).toBe(1);
  });
});
