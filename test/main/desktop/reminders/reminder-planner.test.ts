import { describe, expect, it } from 'vitest';
import {
  parseReminderLead,
  planReminders,
  pruneFiredKeys,
  reminderKey,
} from '../../../../main/desktop/reminders/reminder-planner.ts';
import { meeting } from '../meeting-fixtures.ts';

const at = (iso: string) => Date.parse(iso);
const none = new Set<string>();

describe('planReminders', () => {
  const standup = meeting('1', 'Standup', '2026-11-24T13:00:00Z');
  const review = meeting('2', 'Review', '2026-11-24T15:00:00Z');

  it('plans the next reminder lead minutes before the start', () => {
    const plan = planReminders([review, standup], at('2026-11-24T12:00:00Z'), 5, none);
    expect(plan.due).toEqual([]);
    expect(plan.nextAt).toBe(at('2026-11-24T12:55:00Z'));
  });

  it('makes a reminder due once its moment has come and before the meeting starts', () => {
    const plan = planReminders([standup], at('2026-11-24T12:55:00Z'), 5, none);
    expect(plan.due).toEqual([
      {
        key: '1@2026-11-24T13:00:00.000Z',
        meetingId: '1',
        topic: 'Standup',
        startsAt: at('2026-11-24T13:00:00Z'),
        fireAt: at('2026-11-24T12:55:00Z'),
        joinUrl: 'https://us05web.zoom.us/j/1',
      },
    ]);
    expect(plan.nextAt).toBeNull();
  });

  it('still reminds after waking two minutes before a meeting', () => {
    const plan = planReminders([standup], at('2026-11-24T12:58:00Z'), 15, none);
    expect(plan.due.map((r) => r.key)).toEqual(['1@2026-11-24T13:00:00.000Z']);
  });

  it('never reminds for a meeting that started while the machine slept', () => {
    const plan = planReminders([standup, review], at('2026-11-24T13:01:00Z'), 5, none);
    expect(plan.due).toEqual([]);
    expect(plan.nextAt).toBe(at('2026-11-24T14:55:00Z'));
  });

  it('fires once per occurrence: fired keys are skipped, recurring occurrences are separate', () => {
    const tuesday = meeting('9', 'Weekly', '2026-11-24T13:00:00Z');
    const nextWeek = meeting('9', 'Weekly', '2026-12-01T13:00:00Z');
    const fired = new Set([reminderKey('9', at('2026-11-24T13:00:00Z'))]);
    const plan = planReminders([tuesday, nextWeek], at('2026-11-24T12:56:00Z'), 5, fired);
    expect(plan.due).toEqual([]);
    expect(plan.nextAt).toBe(at('2026-12-01T12:55:00Z'));
  });

  it('does not duplicate a meeting listed twice', () => {
    const plan = planReminders([standup, { ...standup }], at('2026-11-24T12:56:00Z'), 5, none);
    expect(plan.due).toHaveLength(1);
  });

  it('matches fired keys whatever the ISO spelling of the start time', () => {
    const spelled = meeting('1', 'Standup', '2026-11-24T14:00:00+01:00');
    const fired = new Set([reminderKey('1', at('2026-11-24T13:00:00Z'))]);
    expect(planReminders([spelled], at('2026-11-24T12:56:00Z'), 5, fired).due).toEqual([]);
  });

  it('plans in UTC: a time-zone change of the machine moves nothing', () => {
    // The planner never sees a zone; the same instant gives the same plan.
    const a = planReminders([standup], at('2026-11-24T12:00:00Z'), 10, none);
    const b = planReminders([standup], at('2026-11-24T07:00:00-05:00'), 10, none);
    expect(a).toEqual(b);
  });

  it('plans nothing when reminders are off, and skips meetings without a fixed time', () => {
    expect(planReminders([standup], at('2026-11-24T12:56:00Z'), 'off', none)).toEqual({
      due: [],
      nextAt: null,
    });
    expect(
      planReminders([meeting('3', 'Anytime', null)], at('2026-11-24T12:56:00Z'), 5, none),
    ).toEqual({ due: [], nextAt: null });
  });

  it('reminds 1 minute before with the 1-minute setting', () => {
    expect(planReminders([standup], at('2026-11-24T12:58:30Z'), 1, none).due).toEqual([]);
    expect(planReminders([standup], at('2026-11-24T12:59:00Z'), 1, none).due).toHaveLength(1);
  });

  it('reminds "when it starts" at the start, within its first minute only', () => {
    const before = planReminders([standup], at('2026-11-24T12:59:30Z'), 0, none);
    expect(before.due).toEqual([]);
    expect(before.nextAt).toBe(at('2026-11-24T13:00:00Z'));
    expect(planReminders([standup], at('2026-11-24T13:00:00Z'), 0, none).due).toHaveLength(1);
    expect(planReminders([standup], at('2026-11-24T13:00:59Z'), 0, none).due).toHaveLength(1);
    expect(planReminders([standup], at('2026-11-24T13:01:00Z'), 0, none).due).toEqual([]);
    expect(planReminders([standup], at('2026-11-24T13:00:00Z'), 1, none).due).toEqual([]);
  });
});

describe('reminder settings', () => {
  it('accepts only the offered lead times and defaults to 5', () => {
    expect(parseReminderLead('off')).toBe('off');
    expect(parseReminderLead(15)).toBe(15);
    expect(parseReminderLead(0)).toBe(0);
    expect(parseReminderLead(7)).toBe(5);
    expect(parseReminderLead('10')).toBe(5);
    expect(parseReminderLead(undefined)).toBe(5);
  });

  it('prunes fired keys of occurrences older than a day', () => {
    const now = at('2026-11-24T12:00:00Z');
    expect(
      pruneFiredKeys(['1@2026-11-22T09:00:00.000Z', '2@2026-11-24T09:00:00.000Z', 'junk'], now),
    ).toEqual(['2@2026-11-24T09:00:00.000Z']);
  });
});
