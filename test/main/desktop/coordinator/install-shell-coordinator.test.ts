import { describe, expect, it } from 'vitest';
import { createMinuteTicks } from '../../../../main/core/time/minute-ticker.ts';
import { installShellCoordinator } from '../../../../main/desktop/coordinator/install-shell-coordinator.ts';
import { createTeardown } from '../../../../main/desktop/lifecycle/teardown.ts';
import { createReminderScheduler } from '../../../../main/desktop/reminders/reminder-scheduler.ts';
import type { TrayModel } from '../../../../main/desktop/tray/tray-model.ts';
import { createMainWindow } from '../../../../main/desktop/window/electron-main-window.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createFakeElectron } from '../../../fakes/fake-electron.ts';
import { createFakeSessionService } from '../../../fakes/fake-session-service.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { createRecordingLogger } from '../test-logger.ts';

function setup() {
  const clock = createFakeClock(Date.parse('2026-11-24T12:30:20Z'));
  const logger = createRecordingLogger();
  const electron = createFakeElectron();
  const session = createFakeSessionService();
  const minuteTicks = createMinuteTicks({ clock });
  const window = createMainWindow({
    BrowserWindow: electron.BrowserWindow,
    preloadPath: '/p.cjs',
    clock,
    logger,
  });
  const trays: TrayModel[] = [];
  const teardown = createTeardown(logger);
  installShellCoordinator({
    clock,
    teardown,
    core: { session: session.service, minuteTicks },
    wake: { onWake: () => () => {}, watchForOnline: () => {} },
    tray: { render: (model) => trays.push(model) },
    reminders: createReminderScheduler({
      clock,
      settings: createMemorySettingsStore(),
      notify: () => {},
    }),
    window,
  });
  return {
    clock,
    electron,
    session,
    window,
    trays,
    teardown,
    minuteTicks,
  };
}

describe('installShellCoordinator', () => {
  it('tells the session when the window opens and closes, until quit', async () => {
    const { electron, session, window, teardown } = setup();
    window.show();
    electron.windows[0]!.emit('ready-to-show');
    electron.windows[0]!.close();
    expect(session.calls.filter((c) => c.startsWith('setWindowVisible'))).toEqual([
      'setWindowVisible:true',
      'setWindowVisible:false',
    ]);
    await teardown.run();
    window.show();
    expect(session.calls.filter((c) => c.startsWith('setWindowVisible'))).toHaveLength(2);
  });

  it("re-renders the tray on the core's minute ticks, with no timer of its own", async () => {
    const { clock, trays, minuteTicks } = setup();
    const before = trays.length;
    await clock.advance(40_000);
    expect(trays.length).toBe(before + 1);
    // With the shared timer stopped nothing ticks any more: the tray had no timer of its own.
    minuteTicks.stop();
    await clock.advance(5 * 60_000);
    expect(trays.length).toBe(before + 1);
  });
});
