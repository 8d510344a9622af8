import { describe, expect, it } from 'vitest';
import {
  createHiddenWindowReaper,
  HIDDEN_WINDOW_LIFETIME_MS,
} from '../../../../main/desktop/window/hidden-window-reaper.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';

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
