import { describe, expect, it } from 'vitest';
import { createMinuteTicks } from '../../../main/core/time/minute-ticker.ts';
import { createShiftableClock } from '../../../main/harness/shiftable-clock.ts';

describe("the harness's shiftable clock (test mode)", () => {
  it('runs at the given offset from real time', () => {
    const clock = createShiftableClock(3_600_000);
    const drift = clock.now() - (Date.now() + 3_600_000);
    expect(Math.abs(drift)).toBeLessThan(1_000);
  });

  it('moving past a timer fires it, in due order, and not one that is still ahead', async () => {
    const clock = createShiftableClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('in 2 min'), 120_000);
    clock.setTimeout(() => fired.push('in 1 min'), 60_000);
    clock.setTimeout(() => fired.push('in 1 h'), 3_600_000);
    const cancelled = clock.setTimeout(() => fired.push('cancelled'), 30_000);
    clock.clearTimeout(cancelled);
    clock.advance(150_000);
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(fired).toEqual(['in 1 min', 'in 2 min']);
    clock.clearTimeout(3);
  });

  it('drives the shared minute: a minute ahead is one tick, past the shifted minute', async () => {
    const clock = createShiftableClock(0);
    const ticks = createMinuteTicks({ clock });
    const seen: number[] = [];
    const stop = ticks.onMinute(() => seen.push(clock.now()));
    const nextMinute = Math.ceil((clock.now() + 1) / 60_000) * 60_000;
    clock.advance(60_000);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThanOrEqual(nextMinute);
    expect(seen[0]! - nextMinute).toBeLessThan(60_000);
  });
});
