import { describe, expect, it } from 'vitest';
import { createMinuteTicker, delayToNextMinute } from '../../../../main/core/time/minute-ticker.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';

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
