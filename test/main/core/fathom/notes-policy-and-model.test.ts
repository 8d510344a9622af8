import { describe, expect, it } from 'vitest';
import type { FathomNote } from '../../../../preload/contract.ts';
import {
  durationMinutes,
  likelyOwnerEmail,
  toNotes,
  withMine,
} from '../../../../main/core/fathom/notes-model.ts';
import {
  FATHOM_REFRESH_INTERVAL_MS,
  isNotesRefreshDue,
  isWindowRefreshDue,
  nextNotesRefreshAt,
} from '../../../../main/core/fathom/notes-refresh-policy.ts';
import type { FathomMeeting } from '../../../../main/core/fathom/fathom-api.types.ts';

const MIN = 60_000;
const T = Date.parse('2026-11-24T12:00:20Z');

describe("Fathom's listing policy", () => {
  const fresh = { now: T, lastAttemptAt: T, failures: 0, holdUntil: 0 };

  it('lists every 15 minutes on the minute ticks', () => {
    expect(FATHOM_REFRESH_INTERVAL_MS).toBe(15 * MIN);
    expect(isNotesRefreshDue({ ...fresh, now: T + 15 * MIN - 59_001 })).toBe(false);
    // The tick just before the full interval counts (ticks fall on the wall-clock minute).
    expect(isNotesRefreshDue({ ...fresh, now: T + 15 * MIN - 59_000 })).toBe(true);
  });

  it('after failures retries within a minute, doubling, never later than the interval', () => {
    const at = (failures: number) => nextNotesRefreshAt({ ...fresh, failures }) - T;
    expect([1, 2, 3, 4, 5, 20].map(at)).toEqual([1, 2, 4, 8, 15, 15].map((m) => m * MIN - 59_000));
  });

  it('never before the time Fathom asked us to wait until', () => {
    const hold = T + 40 * MIN;
    expect(isNotesRefreshDue({ ...fresh, now: T + 30 * MIN, holdUntil: hold })).toBe(false);
    expect(isNotesRefreshDue({ ...fresh, now: hold, holdUntil: hold })).toBe(true);
    expect(isWindowRefreshDue({ ...fresh, now: T + 30 * MIN, holdUntil: hold })).toBe(false);
  });

  it('opening the window lists unless a listing ran in the last 2 minutes', () => {
    expect(isWindowRefreshDue({ ...fresh, now: T + MIN })).toBe(false);
    expect(isWindowRefreshDue({ ...fresh, now: T + 2 * MIN })).toBe(true);
    expect(isWindowRefreshDue({ ...fresh, lastAttemptAt: -Infinity })).toBe(true);
  });
});

function meeting(
  id: number,
  start: string,
  end: string | null,
  items: [string | null, string][],
): FathomMeeting {
  return {
    recordingId: id,
    title: `Meeting ${id}`,
    startedAt: start,
    endedAt: end,
    shareUrl: `https://fathom.video/share/${id}`,
    url: `https://fathom.video/calls/${id}`,
    recordedBy: { name: 'Ada', email: 'Ada@Example.com' },
    actionItems: items.map(([email, description]) => ({
      description,
      completed: false,
      assignee: { name: null, email },
      playbackUrl: `https://fathom.video/calls/${id}?t=1`,
      timestamp: '00:00:01',
    })),
  };
}

describe('notes', () => {
  const meetings = [
    meeting(1, '2026-11-20T09:00:00Z', '2026-11-20T09:29:40Z', [
      ['bo@example.com', 'b1'],
      ['ada@example.com', 'a1'],
      [null, 'n1'],
      ['ADA@example.com', 'a2'],
    ]),
    meeting(2, '2026-11-23T09:00:00Z', null, []),
  ];

  it('newest first, with durations in whole minutes (none without an end)', () => {
    const notes = toNotes(meetings);
    expect(notes.map((n) => n.recordingId)).toEqual([2, 1]);
    expect(notes.map((n) => n.durationMinutes)).toEqual([null, 30]);
    expect(durationMinutes('2026-11-20T09:00:00Z', '2026-11-20T08:00:00Z')).toBeNull();
  });

  it("the person's items are marked mine (emails compared without case) and come first", () => {
    const [, note] = withMine(toNotes(meetings), 'ada@EXAMPLE.com') as FathomNote[];
    expect(note!.actionItems.map((i) => [i.description, i.mine])).toEqual([
      ['a1', true],
      ['a2', true],
      ['b1', false],
      ['n1', false],
    ]);
  });

  it('without the Zoom email, the person is whoever most notes are recorded by', () => {
    const notes = toNotes(meetings);
    expect(likelyOwnerEmail(notes)).toBe('ada@example.com');
    const [, note] = withMine(notes, null) as FathomNote[];
    expect(note!.actionItems.filter((i) => i.mine).map((i) => i.description)).toEqual(['a1', 'a2']);
  });

  it('returns the same list when nothing changes, so the state compares equal', () => {
    const marked = withMine(toNotes(meetings), 'ada@example.com');
    expect(withMine(marked, 'ada@example.com')).toBe(marked);
    expect(withMine(marked, 'bo@example.com')).not.toBe(marked);
  });
});
