import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../preload/contract.ts';
import {
  createReminderScheduler,
  type ReminderNotice,
} from '../../../../main/desktop/reminders/reminder-scheduler.ts';
import { createShellCoordinator } from '../../../../main/desktop/coordinator/shell-coordinator.ts';
import { createTrayActionHandler } from '../../../../main/desktop/tray/tray-actions.ts';
import type { TrayModel } from '../../../../main/desktop/tray/tray-model.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting, signedIn, signedOut } from '../meeting-fixtures.ts';

function setup(initial: SessionState = signedOut) {
  const clock = createFakeClock(Date.parse('2026-11-24T12:30:20Z'));
  let state = initial;
  const listeners = new Set<(s: SessionState) => void>();
  const wakeListeners = new Set<(r: 'resume' | 'unlock' | 'online') => void>();
  const trays: TrayModel[] = [];
  const notices: ReminderNotice[] = [];
  let onlineWatches = 0;
  const reminders = createReminderScheduler({
    clock,
    settings: createMemorySettingsStore(),
    notify: (n) => notices.push(n),
  });
  const coordinator = createShellCoordinator({
    clock,
    session: {
      getState: () => state,
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    },
    wake: {
      onWake: (l) => (wakeListeners.add(l), () => wakeListeners.delete(l)),
      watchForOnline: () => void (onlineWatches += 1),
    },
    renderTray: (model) => trays.push(model),
    reminders,
    timeZone: () => 'Europe/Berlin',
  });
  const publish = (next: SessionState) => {
    state = next;
    for (const l of listeners) l(next);
  };
  const wake = (reason: 'resume' | 'unlock' | 'online') => {
    for (const l of wakeListeners) l(reason);
  };
  return {
    clock,
    coordinator,
    reminders,
    publish,
    wake,
    trays,
    notices,
    listeners,
    wakeListeners,
    onlineWatches: () => onlineWatches,
  };
}

describe('shell coordinator', () => {
  const standup = meeting('1', 'Standup', '2026-11-24T13:00:00Z');

  it('renders the tray at start and on every session change', () => {
    const { coordinator, publish, trays } = setup();
    coordinator.start();
    expect(trays.at(-1)?.tooltip).toBe('Meeting Tray — signed out');
    publish(signedIn([standup]));
    expect(trays.at(-1)?.tooltip).toBe('Next: Standup at 14:00 — in 30 min');
  });

  it('re-renders the tray when the reminder setting changes, showing the new choice', () => {
    const { coordinator, reminders, trays } = setup(signedIn([standup]));
    coordinator.start();
    const before = trays.length;
    reminders.setLead(15);
    expect(trays.length).toBe(before + 1);
    const submenu = trays.at(-1)?.items.find((i) => i.kind === 'submenu');
    const checked =
      submenu?.kind === 'submenu'
        ? submenu.items.filter((i) => i.kind === 'choice' && i.checked)
        : [];
    expect(checked.map((i) => (i.kind === 'choice' ? i.label : ''))).toEqual(['15 minutes before']);
  });

  it('watches for the network when the session says it is offline, and only then', () => {
    const { coordinator, publish, onlineWatches } = setup();
    coordinator.start();
    publish(signedIn([standup]));
    expect(onlineWatches()).toBe(0);
    publish(signedIn([standup], { offline: true }));
    expect(onlineWatches()).toBe(1);
  });

  it('refreshes the countdown once a minute, on the minute', async () => {
    const { clock, coordinator, trays } = setup(signedIn([standup]));
    coordinator.start();
    const before = trays.length;
    await clock.advance(40_000); // 12:30:20 → 12:31:00
    expect(trays.length).toBe(before + 1);
    expect(trays.at(-1)?.tooltip).toBe('Next: Standup at 14:00 — in 29 min');
    await clock.advance(59_000);
    expect(trays.length).toBe(before + 1);
    expect(clock.pendingTimers()).toBeLessThanOrEqual(2); // the minute tick and one reminder timer
  });

  it('fires reminders from the session meetings, and re-plans on wake after a clock jump', () => {
    const { clock, coordinator, wake, notices, trays } = setup(signedIn([standup]));
    coordinator.start();
    clock.jump(26 * 60_000); // asleep until 12:56:20, no timer fired
    wake('resume');
    expect(notices.map((n) => n.title)).toEqual(['Standup']);
    expect(trays.at(-1)?.tooltip).toBe('Next: Standup at 14:00 — in 4 min');
  });

  it('drops reminders after sign-out', async () => {
    const { clock, coordinator, publish, notices } = setup(signedIn([standup]));
    coordinator.start();
    publish(signedOut);
    await clock.advance(60 * 60_000);
    expect(notices).toEqual([]);
  });

  it('stop unsubscribes and cancels its minute tick; the reminder timer is left to the scheduler', () => {
    const { clock, coordinator, reminders, listeners, wakeListeners, trays } = setup(
      signedIn([standup]),
    );
    coordinator.start();
    expect(clock.pendingTimers()).toBe(2);
    coordinator.stop();
    expect(listeners.size).toBe(0);
    expect(wakeListeners.size).toBe(0);
    const rendered = trays.length;
    reminders.setLead(10);
    expect(trays.length).toBe(rendered);
    reminders.dispose();
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('tray actions', () => {
  it('routes each menu action and logs failures without throwing', async () => {
    const calls: string[] = [];
    const warnings: string[] = [];
    const handle = createTrayActionHandler({
      showWindow: () => calls.push('show'),
      openSettings: () => calls.push('settings'),
      join: async (url) => void calls.push(`join ${url}`),
      signIn: async () => {
        calls.push('sign-in');
        throw Object.assign(new Error('x'), { code: 'access_denied' });
      },
      signOut: async () => calls.push('sign-out'),
      refresh: async () => void calls.push('refresh'),
      setReminderLead: (lead) => void calls.push(`lead ${lead}`),
      quit: () => calls.push('quit'),
      logger: { info: () => undefined, warn: (m) => void warnings.push(m), error: () => undefined },
    });
    handle({ type: 'join', url: 'https://zoom.us/j/1' });
    handle({ type: 'open-window' });
    handle({ type: 'refresh' });
    handle({ type: 'sign-in' });
    handle({ type: 'sign-out' });
    handle({ type: 'set-reminder-lead', lead: 10 });
    handle({ type: 'open-settings' });
    handle({ type: 'quit' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([
      'join https://zoom.us/j/1',
      'show',
      'refresh',
      'show',
      'sign-in',
      'sign-out',
      'lead 10',
      'settings',
      'quit',
    ]);
    expect(warnings).toEqual(['tray: sign-in failed']);
  });
});
