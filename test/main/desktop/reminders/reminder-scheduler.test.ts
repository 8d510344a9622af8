import { describe, expect, it } from 'vitest';
import {
  createReminderScheduler,
  type ReminderNotice,
} from '../../../../main/desktop/reminders/reminder-scheduler.ts';
import { ShellSetting } from '../../../../main/desktop/settings/settings-keys.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { createMemorySettingsStore } from '../../../fakes/memory-stores.ts';
import { meeting } from '../meeting-fixtures.ts';

function setup(start = '2026-11-24T12:00:00Z', settings = createMemorySettingsStore()) {
  const clock = createFakeClock(Date.parse(start));
  const shown: ReminderNotice[] = [];
  const scheduler = createReminderScheduler({
    clock,
    settings,
    notify: (n) => shown.push(n),
    timeZone: () => 'Europe/Berlin',
  });
  return { clock, settings, shown, scheduler };
}

describe('reminder scheduler', () => {
  const standup = meeting('1', 'Standup', '2026-11-24T13:00:00Z');

  it('notifies five minutes before by default, once, with a join link', async () => {
    const { clock, shown, scheduler } = setup();
    scheduler.setMeetings([standup]);
    await clock.advance(54 * 60_000);
    expect(shown).toEqual([]);
    await clock.advance(60_000);
    expect(shown).toEqual([
      {
        key: '1@2026-11-24T13:00:00.000Z',
        title: 'Standup',
        body: 'Starts at 14:00 — in 5 min',
        joinUrl: 'https://us05web.zoom.us/j/1',
      },
    ]);
    scheduler.replan();
    scheduler.setMeetings([standup]); // a refresh delivers the same meeting again
    await clock.advance(4 * 60_000);
    expect(shown).toHaveLength(1);
  });

  it('remembers fired reminders in settings, so a restart does not repeat them', async () => {
    const first = setup();
    first.scheduler.setMeetings([standup]);
    await first.clock.advance(56 * 60_000);
    expect(first.shown).toHaveLength(1);
    expect(first.settings.get(ShellSetting.firedReminderKeys)).toEqual([
      '1@2026-11-24T13:00:00.000Z',
    ]);

    const restarted = setup('2026-11-24T12:57:00Z', first.settings);
    restarted.scheduler.setMeetings([standup]);
    expect(restarted.shown).toEqual([]);
  });

  it('re-plans after a clock jump instead of trusting the old timer', () => {
    const { clock, shown, scheduler } = setup();
    scheduler.setMeetings([standup]);
    clock.jump(56 * 60_000); // slept, or the clock was changed; no timer fired
    scheduler.replan();
    expect(shown.map((n) => n.key)).toEqual(['1@2026-11-24T13:00:00.000Z']);
  });

  it('stays silent for a meeting that started during sleep', () => {
    const { clock, shown, scheduler } = setup();
    scheduler.setMeetings([standup]);
    clock.jump(2 * 60 * 60_000);
    scheduler.replan();
    expect(shown).toEqual([]);
  });

  it('follows the lead setting and can be switched off', async () => {
    const { clock, shown, scheduler, settings } = setup();
    scheduler.setLead(15);
    expect(settings.get(ShellSetting.reminderLeadMinutes)).toBe(15);
    scheduler.setMeetings([standup]);
    await clock.advance(45 * 60_000);
    expect(shown).toHaveLength(1);

    const off = setup(
      '2026-11-24T12:00:00Z',
      createMemorySettingsStore({ [ShellSetting.reminderLeadMinutes]: 'off' }),
    );
    off.scheduler.setMeetings([standup]);
    await off.clock.advance(60 * 60_000);
    expect(off.shown).toEqual([]);
    expect(off.clock.pendingTimers()).toBe(0);
  });

  it('never sets a timer longer than 15 minutes, so sleep cannot stretch it', () => {
    const { clock, scheduler } = setup();
    scheduler.setMeetings([meeting('2', 'Tomorrow', '2026-11-25T09:00:00Z')]);
    expect(clock.pendingTimers()).toBe(1);
    scheduler.dispose();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('gives no join link for a link outside the allow-list', async () => {
    const { clock, shown, scheduler } = setup();
    scheduler.setMeetings([
      meeting('3', 'Phish', '2026-11-24T12:10:00Z', 30, 'javascript:alert(1)'),
    ]);
    await clock.advance(5 * 60_000);
    expect(shown[0]?.joinUrl).toBeNull();
  });

  it('clears plans when the meetings go away (sign-out)', async () => {
    const { clock, shown, scheduler } = setup();
    scheduler.setMeetings([standup]);
    scheduler.setMeetings([]);
    await clock.advance(60 * 60_000);
    expect(shown).toEqual([]);
  });

  it('tells its listeners about a new lead, after saving it, until they unsubscribe', () => {
    const { settings, scheduler } = setup();
    const heard: Array<[unknown, unknown]> = [];
    const unsubscribe = scheduler.onLeadChange((lead) =>
      heard.push([lead, settings.get(ShellSetting.reminderLeadMinutes)]),
    );
    scheduler.setLead(10);
    unsubscribe();
    scheduler.setLead('off');
    expect(heard).toEqual([[10, 10]]);
  });
});

describe('reminder text follows the locale and the clock option', () => {
  it('writes the start in the style read when the reminder fires', async () => {
    const clock = createFakeClock(Date.parse('2026-11-24T12:00:00Z'));
    const shown: ReminderNotice[] = [];
    let style = { locale: 'en-US', hourCycle: 'h12' as 'h12' | 'h23' };
    const scheduler = createReminderScheduler({
      clock,
      settings: createMemorySettingsStore(),
      notify: (n) => shown.push(n),
      timeZone: () => 'America/Los_Angeles',
      timeStyle: () => style,
    });
    scheduler.setMeetings([
      meeting('1', 'Standup', '2026-11-24T13:00:00Z'),
      meeting('2', 'Review', '2026-11-24T14:00:00Z'),
    ]);
    await clock.advance(55 * 60_000);
    style = { locale: 'de-DE', hourCycle: 'h23' };
    await clock.advance(60 * 60_000);
    expect(shown.map((n) => n.body)).toEqual([
      expect.stringMatching(/^Starts at 5:00\sAM — in 5 min$/u),
      'Starts at 06:00 — in 5 min',
    ]);
  });
});
