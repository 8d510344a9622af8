/**
 * How a recorded meeting is described in the window, as pure functions of the note and main's
 * display (zone, locale, 12/24-hour clock): the same words and formats as the meeting rows.
 */
import type { FathomNote, FathomNoteActionItem } from '../../preload/contract.ts';
import { formatTimeRange, type TimeFormat } from '../time/time-format.ts';

const DAY_MS = 86_400_000;

/** "Today · 14:00–14:42 · 42 min", "Yesterday · …", "Mon 23 Nov · …"; the length when known. */
export function describeNoteWhen(note: FathomNote, format: TimeFormat, now: number): string {
  const start = Date.parse(note.startedAt);
  if (Number.isNaN(start)) return 'Time not known';
  const day = format.dayKey(start);
  const label =
    day === format.dayKey(now)
      ? 'Today'
      : day === format.dayKey(now - DAY_MS)
        ? 'Yesterday'
        : format.day(start);
  return `${label} · ${formatTimeRange(format, start, noteMinutes(note))}`;
}

/** The recording's length in whole minutes: main's figure, else its two ends, else unknown (0). */
export function noteMinutes(note: FathomNote): number {
  if (note.durationMinutes !== null) return Math.max(0, Math.round(note.durationMinutes));
  if (note.endedAt === null) return 0;
  const ms = Date.parse(note.endedAt) - Date.parse(note.startedAt);
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 60_000) : 0;
}

/** Who an action item is for: "You" for the person's own, else the name or the email. */
export function assigneeLabel(item: FathomNoteActionItem): string {
  if (item.mine) return 'You';
  return item.assignee.name?.trim() || item.assignee.email?.trim() || 'Unassigned';
}

/** "00:21:14" → "21:14"; "01:02:03" stays; anything else is shown as it came. */
export function shortTimestamp(timestamp: string): string {
  const match = /^(\d{2}):(\d{2}):(\d{2})$/u.exec(timestamp);
  if (!match) return timestamp;
  const [, hours, minutes, seconds] = match;
  return hours === '00' ? `${minutes}:${seconds}` : timestamp;
}

/** How many items are still open, and how many of those are the person's own. */
export function openItemCounts(note: FathomNote): { open: number; mine: number } {
  const open = note.actionItems.filter((item) => !item.completed);
  return { open: open.length, mine: open.filter((item) => item.mine).length };
}
