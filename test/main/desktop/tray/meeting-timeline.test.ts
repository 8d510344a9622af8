import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../../preload/contract.ts';
import { nextDateKey } from '../../../../preload/shared/date-key.ts';
import { createZonedFormat } from '../../../../main/desktop/time-format.ts';
import {
  createMeetingTimeline,
  firstIndexWhere,
  firstLiveIndex,
} from '../../../../main/desktop/tray/meeting-timeline.ts';
import {
  createTrayModelBuilder,
  type TrayItem,
  type TrayModel,
} from '../../../../main/desktop/tray/tray-model.ts';
import { meeting, signedIn } from '../meeting-fixtures.ts';

const MINUTE = 60_000;
const JUST_STARTED = 10 * MINUTE;
const PER_DAY = 8;

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The tray's lists worked out the slow, obvious way: parse, sort and filter everything. */
function obviousLists(meetings: readonly Meeting[], now: number, timeZone: string) {
  const zoned = createZonedFormat(timeZone);
  const today = zoned.dateKey(now);
  const tomorrow = nextDateKey(today);
  const live = meetings
    .filter((m) => m.startTime !== null)
    .map((m) => {
      const start = Date.parse(m.startTime!);
      return { topic: m.topic, start, end: start + Math.max(0, m.durationMinutes) * MINUTE };
    })
    .sort((a, b) => a.start - b.start)
    .filter((t) => t.end > now || now - t.start < JUST_STARTED);
  const todays = live.filter((t) => t.start <= now || zoned.dateKey(t.start) === today);
  const tomorrows = live.filter((t) => t.start > now && zoned.dateKey(t.start) === tomorrow);
  const current = live.findLast((t) => t.start <= now && now - t.start < JUST_STARTED);
  const next = live.find((t) => t.start > now);
  return {
    Today: { topics: todays.slice(0, PER_DAY).map((t) => t.topic), more: todays.length - PER_DAY },
    Tomorrow: {
      topics: tomorrows.slice(0, PER_DAY).map((t) => t.topic),
      more: tomorrows.length - PER_DAY,
    },
    glance: (current ?? next)?.topic ?? null,
  };
}

/** The same lists read back from the model's menu items. */
function listsOf(model: TrayModel) {
  const lists: Record<string, { topics: string[]; more: number }> = {
    Today: { topics: [], more: -PER_DAY },
    Tomorrow: { topics: [], more: -PER_DAY },
  };
  let section: string | null = null;
  for (const item of model.items as TrayItem[]) {
    if (item.kind === 'label') section = item.label in lists ? item.label : null;
    else if (item.kind !== 'action' || !section) section = null;
    else if (item.action.type === 'join') {
      lists[section]!.topics.push(/^\d\d:\d\d {2}(.*?)(?: \(now\))?$/u.exec(item.label)![1]!);
    } else if (item.label.startsWith('+')) lists[section]!.more = Number(item.label.slice(1, -5));
  }
  for (const list of Object.values(lists))
    if (list.more === -PER_DAY) list.more = list.topics.length - PER_DAY;
  return { ...lists, glance: model.glance?.topic ?? null };
}

describe('the tray timeline', () => {
  it('finds boundaries by binary search over any monotone condition', () => {
    const values = [1, 3, 3, 7, 9];
    expect(firstIndexWhere(0, 5, (i) => values[i]! >= 3)).toBe(1);
    expect(firstIndexWhere(0, 5, (i) => values[i]! > 9)).toBe(5);
    expect(firstIndexWhere(0, 5, () => true)).toBe(0);
    expect(firstIndexWhere(2, 4, (i) => values[i]! > 3)).toBe(3);
  });

  it('starts the live search early enough for a long meeting that is still running', () => {
    const day = meeting('1', 'All day', '2026-11-24T06:00:00Z', 12 * 60);
    const short = meeting('2', 'Short', '2026-11-24T07:00:00Z', 15);
    const later = meeting('3', 'Later', '2026-11-24T18:30:00Z', 30);
    const timeline = createMeetingTimeline([later, short, day]);
    expect(timeline.entries.map((t) => t.meeting.topic)).toEqual(['All day', 'Short', 'Later']);
    expect(firstLiveIndex(timeline, Date.parse('2026-11-24T12:00:00Z'), JUST_STARTED)).toBe(0);
    expect(firstLiveIndex(timeline, Date.parse('2026-11-24T18:05:00Z'), JUST_STARTED)).toBe(2);
    expect(firstLiveIndex(timeline, Date.parse('2026-11-24T19:10:00Z'), JUST_STARTED)).toBe(3);
  });

  it('gives the same menu as parsing, sorting and filtering everything, for random calendars', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
    const durations = [0, 15, 30, 60, 240, 24 * 60, 40 * 60];
    const base = Date.parse('2026-03-27T00:00:00Z'); // spans Europe's spring-forward weekend
    for (let seed = 1; seed <= 150; seed += 1) {
      const next = random(seed);
      const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
      const count = Math.floor(next() * 120);
      const starts = Array.from(
        { length: 20 },
        () => base + Math.floor(next() * 4 * 24 * 60) * MINUTE,
      );
      const meetings = Array.from({ length: count }, (_, i) =>
        meeting(
          String(i),
          `M${i}`,
          next() < 0.05
            ? null
            : new Date(
                next() < 0.3 ? pick(starts) : base + Math.floor(next() * 4 * 24 * 60) * MINUTE,
              ).toISOString(),
          pick(durations),
        ),
      );
      const build = createTrayModelBuilder();
      const state = signedIn(meetings);
      const zone = pick(zones);
      for (let tick = 0; tick < 6; tick += 1) {
        const now = base + Math.floor(next() * 4 * 24 * 60) * MINUTE + 20_000;
        expect(listsOf(build(state, now, zone)), `seed ${seed}, tick ${tick}`).toEqual(
          obviousLists(meetings, now, zone),
        );
      }
    }
  });

  it('a minute tick reads only the meetings it shows, however many there are', () => {
    const now = Date.parse('2026-11-24T09:00:20Z');
    const read = new Set<number>();
    // 1,000 meetings, five an hour for eight days; each one tells when it is read.
    const meetings = Array.from({ length: 1000 }, (_, i) => {
      const start = new Date(
        now - 3_600_000 + (i % 200) * 3_600_000 + Math.floor(i / 200) * MINUTE,
      );
      return new Proxy(meeting(String(i), `M${i}`, start.toISOString(), 15 + (i % 4) * 15), {
        get(target, key, receiver) {
          read.add(i);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    });
    const build = createTrayModelBuilder();
    const state = signedIn(meetings);
    build(state, now, 'Europe/London'); // the first sight of this list parses it, once
    expect(read.size).toBe(1000);
    for (let minute = 1; minute <= 60; minute += 1) {
      read.clear();
      const model = build(state, now + minute * MINUTE, 'Europe/London');
      expect(model.items.some((i) => i.kind === 'action' && i.label.startsWith('+'))).toBe(true);
      expect(read.size).toBeLessThanOrEqual(2 * PER_DAY + 1);
    }
  });
});
