import { describe, expect, it } from 'vitest';
import {
  createMinuteTicker,
  createMinuteTicks,
  delayToNextMinute,
} from '../../../../main/core/time/minute-ticker.ts';
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

describe('shared minute ticks', () => {
  it('one timer serves every listener, on the minute', async () => {
    const clock = createFakeClock(Date.parse('2026-11-24T09:00:20Z'));
    const ticks = createMinuteTicks({ clock });
    const heard: string[] = [];
    ticks.onMinute(() => heard.push(`a ${new Date(clock.now()).toISOString()}`));
    ticks.onMinute(() => heard.push(`b ${new Date(clock.now()).toISOString()}`));
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(2 * 60_000);
    expect(heard).toEqual([
      'a 2026-11-24T09:01:00.000Z',
      'b 2026-11-24T09:01:00.000Z',
      'a 2026-11-24T09:02:00.000Z',
      'b 2026-11-24T09:02:00.000Z',
    ]);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('runs only while someone listens', async () => {
    const clock = createFakeClock();
    const ticks = createMinuteTicks({ clock });
    expect(clock.pendingTimers()).toBe(0);
    let a = 0;
    let b = 0;
    const leaveA = ticks.onMinute(() => (a += 1));
    const leaveB = ticks.onMinute(() => (b += 1));
    await clock.advance(60_000);
    leaveA();
    await clock.advance(60_000);
    expect([a, b]).toEqual([1, 2]);
    leaveB();
    expect(clock.pendingTimers()).toBe(0);
    ticks.onMinute(() => (a += 1));
    expect(clock.pendingTimers()).toBe(1);
  });

  it('a listener that leaves during a tick does not stop the others', async () => {
    const clock = createFakeClock();
    const ticks = createMinuteTicks({ clock });
    const heard: string[] = [];
    const leave = ticks.onMinute(() => {
      heard.push('first');
      leave();
    });
    ticks.onMinute(() => heard.push('second'));
    await clock.advance(2 * 60_000);
    expect(heard).toEqual(['first', 'second', 'second']);
  });

  it('a ticker can ride the shared ticks instead of its own timer', async () => {
    const clock = createFakeClock();
    const ticks = createMinuteTicks({ clock });
    let shell = 0;
    let auth = 0;
    createMinuteTicker({ clock, ticks, onTick: () => (shell += 1) }).start();
    ticks.onMinute(() => (auth += 1));
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(3 * 60_000);
    expect([shell, auth]).toEqual([3, 3]);
  });

  it('stop drops every listener and the timer', async () => {
    const clock = createFakeClock();
    const ticks = createMinuteTicks({ clock });
    let heard = 0;
    ticks.onMinute(() => (heard += 1));
    ticks.stop();
    await clock.advance(5 * 60_000);
    expect(heard).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });
});
