import { describe, expect, it } from 'vitest';
import {
  describeWhen,
  groupMeetingsForDay,
  meetingListLayout,
  rowAt,
} from '../../renderer/time/group-meetings.ts';
import { createTimeFormat, type TimeFormat } from '../../renderer/time/time-format.ts';
import { nextDateKey } from '../../preload/shared/date-key.ts';
import {
  FIXTURE_NOW,
  fixtureMeeting,
  fixtureMeetings,
  manyMeetings,
} from '../fakes/session-fixtures.ts';

const london = createTimeFormat({ timeZone: 'Europe/London' });

const summary = (groups: ReturnType<typeof groupMeetingsForDay>, format: TimeFormat = london) =>
  groups.map((group) => [
    group.label,
    group.meetings.map((m, i) => `${m.topic} | ${describeWhen(rowAt(group, i), format)}`),
  ]);

describe('groupMeetingsForDay', () => {
  it('buckets into Today, Tomorrow, Later and No fixed time, each sorted by start', () => {
    expect(
      summary(groupMeetingsForDay(fixtureMeetings, london.dayKey(FIXTURE_NOW), london)),
    ).toEqual([
      ['Today', ['Team stand-up | 09:30–09:45 · 15 min', 'Design review | 14:00–14:30 · 30 min']],
      ['Tomorrow', ['1:1 with Grace | 10:00–10:45 · 45 min']],
      ['Later', ['Quarterly planning | Fri 27 Nov · 13:00–14:30 · 1 h 30 min']],
      ['No fixed time', ['Office hours | Recurring · no fixed time']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(groupMeetingsForDay([], london.dayKey(FIXTURE_NOW), london)).toEqual([]);
    const onlyLater = [
      fixtureMeeting({ id: '1', topic: 'Far', startTime: '2026-12-24T10:00:00Z' }),
    ];
    expect(
      groupMeetingsForDay(onlyLater, london.dayKey(FIXTURE_NOW), london).map((g) => g.id),
    ).toEqual(['later']);
  });

  it('decides "today" in the display zone, not in UTC', () => {
    const lateNight = [
      fixtureMeeting({ id: '1', topic: 'Late', startTime: '2026-11-24T23:30:00Z' }),
    ];
    const now = Date.parse('2026-11-24T20:00:00Z');
    expect(groupMeetingsForDay(lateNight, london.dayKey(now), london)[0]?.id).toBe('today');
    // In Berlin it is already 00:30 on the 25th, while "now" is still the 24th there.
    const berlin = createTimeFormat({ timeZone: 'Europe/Berlin' });
    expect(groupMeetingsForDay(lateNight, berlin.dayKey(now), berlin)[0]?.id).toBe('tomorrow');
    // In Tokyo "now" is already the 25th, so the meeting (08:30 on the 25th) is today.
    const tokyo = createTimeFormat({ timeZone: 'Asia/Tokyo' });
    expect(summary(groupMeetingsForDay(lateNight, tokyo.dayKey(now), tokyo), tokyo)).toEqual([
      ['Today', ['Late | 08:30–09:00 · 30 min']],
    ]);
  });

  it('handles the 25-hour day when US clocks fall back', () => {
    const newYork = createTimeFormat({ timeZone: 'America/New_York' });
    // 1 Nov 2026 00:30 EDT; the day has 25 hours, so +24 h is still 23:30 on 1 Nov.
    const now = Date.parse('2026-11-01T04:30:00Z');
    const meetings = [
      fixtureMeeting({
        id: '1',
        topic: 'Same day, after the change',
        startTime: '2026-11-02T04:30:00Z',
      }),
      fixtureMeeting({ id: '2', topic: 'Next day', startTime: '2026-11-02T05:30:00Z' }),
    ];
    expect(summary(groupMeetingsForDay(meetings, newYork.dayKey(now), newYork), newYork)).toEqual([
      ['Today', ['Same day, after the change | 23:30–00:00 · 30 min']],
      ['Tomorrow', ['Next day | 00:30–01:00 · 30 min']],
    ]);
  });

  it('handles the 23-hour day when European clocks spring forward', () => {
    const now = Date.parse('2026-03-29T00:30:00Z'); // 00:30 GMT, an hour before the change
    const meetings = [
      fixtureMeeting({ id: '1', topic: 'Tonight', startTime: '2026-03-29T22:30:00Z' }), // 23:30 BST
      fixtureMeeting({ id: '2', topic: 'Tomorrow morning', startTime: '2026-03-29T23:30:00Z' }), // 00:30 BST
    ];
    expect(summary(groupMeetingsForDay(meetings, london.dayKey(now), london))).toEqual([
      ['Today', ['Tonight | 23:30–00:00 · 30 min']],
      ['Tomorrow', ['Tomorrow morning | 00:30–01:00 · 30 min']],
    ]);
  });

  it('puts cached meetings from previous days under Earlier', () => {
    const old = [
      fixtureMeeting({ id: '1', topic: 'Yesterday', startTime: '2026-11-23T15:00:00Z' }),
    ];
    expect(summary(groupMeetingsForDay(old, london.dayKey(FIXTURE_NOW), london))).toEqual([
      ['Earlier', ['Yesterday | Mon 23 Nov · 15:00–15:30 · 30 min']],
    ]);
  });

  it('keeps Zoom order for meetings without a time, including an unparseable one', () => {
    const meetings = [
      fixtureMeeting({ id: '1', topic: 'B', startTime: null, type: 3 }),
      fixtureMeeting({ id: '2', topic: 'A', startTime: null, type: 3 }),
      fixtureMeeting({ id: '3', topic: 'Broken', startTime: 'not a date', type: 2 }),
    ];
    const groups = groupMeetingsForDay(meetings, london.dayKey(FIXTURE_NOW), london);
    expect(groups.map((g) => g.id)).toEqual(['no-fixed-time']);
    expect(groups[0]?.meetings.map((meeting) => meeting.topic)).toEqual(['B', 'A', 'Broken']);
  });

  it('keeps every one of 1,000 meetings, each exactly once', () => {
    const meetings = manyMeetings(1000);
    const groups = groupMeetingsForDay(meetings, london.dayKey(FIXTURE_NOW), london);
    const keys = groups.flatMap((group) => group.meetings.map((meeting) => meeting.key));
    expect(keys).toHaveLength(1000);
    expect(new Set(keys).size).toBe(1000);
    for (const group of groups) {
      const starts = group.meetings.map((meeting) => Date.parse(meeting.startTime ?? ''));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it("groups a list in main's order (by start, untimed last) as it groups the same list shuffled", () => {
    const shuffled = [
      ...manyMeetings(1000),
      fixtureMeeting({ id: 'u1', topic: 'Untimed', startTime: null, type: 3 }),
    ];
    const inMainsOrder = [...shuffled].sort(
      (a, b) => (a.startMs ?? Infinity) - (b.startMs ?? Infinity) || (a.key < b.key ? -1 : 1),
    );
    const today = london.dayKey(FIXTURE_NOW);
    const picture = (meetings: typeof shuffled) =>
      groupMeetingsForDay(meetings, today, london).map((group) => [
        group.id,
        group.meetings.map((meeting) => meeting.key),
        [...group.starts],
      ]);

    expect(picture(inMainsOrder)).toEqual(picture(shuffled));
    expect(picture(inMainsOrder).map(([id]) => id)).toEqual([
      'today',
      'tomorrow',
      'later',
      'no-fixed-time',
    ]);
  });
});

describe('groupMeetingsForDay at scale', () => {
  it('puts each meeting on its own day in odd zones and across their DST changes', () => {
    const zones = ['Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/Santiago'];
    // Every 37 minutes (every phase of a quarter hour) from January to mid-October: every
    // midnight and both DST changes of those zones are crossed.
    const meetings = Array.from({ length: 11_200 }, (_, i) =>
      fixtureMeeting({
        id: String(i),
        topic: `M${i}`,
        startTime: new Date(Date.parse('2026-01-01T00:03:00Z') + i * 37 * 60_000).toISOString(),
      }),
    );
    for (const zone of zones) {
      const format = createTimeFormat({ timeZone: zone });
      const today = format.dayKey(Date.parse('2026-04-05T06:00:00Z'));
      const tomorrow = nextDateKey(today);
      const wrong: string[] = [];
      for (const group of groupMeetingsForDay(meetings, today, format))
        group.meetings.forEach((meeting, i) => {
          const day = format.dayKey(group.starts[i]!);
          const expected =
            day === today
              ? 'today'
              : day === tomorrow
                ? 'tomorrow'
                : day < today
                  ? 'earlier'
                  : 'later';
          if (group.id !== expected) wrong.push(`${meeting.startTime} in ${group.id}`);
        });
      expect(wrong, zone).toEqual([]);
    }
  });

  it('asks for the day a few times per list, not once a meeting', () => {
    let asked = 0;
    const counting = {
      dayKey: (ms: number) => {
        asked += 1;
        return london.dayKey(ms);
      },
    };
    groupMeetingsForDay(manyMeetings(10_000), london.dayKey(FIXTURE_NOW), counting);
    expect(asked).toBeLessThan(150);
  });

  it.each([
    // Within weeks: (start, index) packed into one number and sorted natively.
    ['2026-11-27T10:00:00Z', '2026-11-24T10:00:00Z', '2026-11-25T10:00:00Z'],
    // From year 1 to 9999: too far apart to pack exactly, so sorted by comparison.
    ['9999-06-01T10:00:00Z', '0001-01-01T10:00:00Z', '2026-11-25T10:00:00Z'],
  ])('orders by start, then by Zoom order (%s …)', (...starts) => {
    const meetings = Array.from({ length: 30 }, (_, i) =>
      fixtureMeeting({ id: String(i), topic: `M${i}`, startTime: starts[i % 3]! }),
    );
    const order = groupMeetingsForDay(meetings, london.dayKey(FIXTURE_NOW), london).flatMap(
      (group) => group.meetings.map((meeting) => meeting.topic),
    );
    const expected = [...meetings]
      .sort((a, b) => Date.parse(a.startTime!) - Date.parse(b.startTime!))
      .map((meeting) => meeting.topic);
    expect(order).toEqual(expected);
    expect(order.slice(0, 3)).toEqual(['M1', 'M4', 'M7']);
  });
});

describe('meetingListLayout', () => {
  it('lays the groups out as one sequence, each heading before its rows, rows numbered per group', () => {
    const layout = meetingListLayout(
      groupMeetingsForDay(fixtureMeetings, london.dayKey(FIXTURE_NOW), london),
    );
    const items = Array.from({ length: layout.count }, (_, i) => layout.item(i)!);
    expect(
      items.map((item) =>
        item.kind === 'heading'
          ? `# ${item.group.label}`
          : `${item.meeting.topic} ${item.position}/${item.group.meetings.length}`,
      ),
    ).toEqual([
      '# Today',
      'Team stand-up 1/2',
      'Design review 2/2',
      '# Tomorrow',
      '1:1 with Grace 1/1',
      '# Later',
      'Quarterly planning 1/1',
      '# No fixed time',
      'Office hours 1/1',
    ]);
    const keys = items.map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.map((key) => layout.indexOf(key))).toEqual(keys.map((_, i) => i));
    expect(keys.map((_, i) => layout.key(i))).toEqual(keys);
    expect(items.map((_, i) => layout.isHeading(i))).toEqual(
      items.map((item) => item.kind === 'heading'),
    );
    expect([layout.item(-1), layout.item(layout.count), layout.indexOf('nope')]).toEqual([
      undefined,
      undefined,
      -1,
    ]);
  });
});
