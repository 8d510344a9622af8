// Pure mapping from the API wrapper's meetings to the notes the renderer draws: which action
// items are the person's own (theirs first), how long each meeting was, newest first.
import type { FathomNote, FathomNoteActionItem } from '../../../preload/contract.ts';
import type { FathomMeeting } from './fathom-api.types.ts';

/** Notes cover the meetings Fathom recorded in this window before now. */
export const NOTES_WINDOW_MS = 7 * 24 * 60 * 60_000;

/** The notes for `meetings`, newest first; `mine` is left false here (see withMine). */
export function toNotes(meetings: readonly FathomMeeting[]): FathomNote[] {
  return meetings
    .map(toNote)
    .sort(
      (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.recordingId - a.recordingId,
    );
}

function toNote(meeting: FathomMeeting): FathomNote {
  return {
    recordingId: meeting.recordingId,
    title: meeting.title,
    startedAt: meeting.startedAt,
    endedAt: meeting.endedAt,
    durationMinutes: durationMinutes(meeting.startedAt, meeting.endedAt),
    shareUrl: meeting.shareUrl,
    recordedBy: { name: meeting.recordedBy.name, email: meeting.recordedBy.email },
    actionItems: meeting.actionItems.map((item) => ({
      description: item.description,
      completed: item.completed,
      assignee: { name: item.assignee.name, email: item.assignee.email },
      mine: false,
      playbackUrl: item.playbackUrl,
      timestamp: item.timestamp,
    })),
  };
}

/** Whole minutes between start and end, or null when Fathom gave no usable end. */
export function durationMinutes(startedAt: string, endedAt: string | null): number | null {
  if (endedAt === null) return null;
  const ms = Date.parse(endedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 60_000) : null;
}

/**
 * Whose notes these are, when Zoom cannot say (not signed in): the email most of them are
 * recorded by. Fathom has no "me" endpoint (fathom-facts §2.2). Ties go to the newest note's.
 */
export function likelyOwnerEmail(notes: readonly FathomNote[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const note of notes) {
    const email = normalEmail(note.recordedBy.email);
    if (email === null) continue;
    const count = (counts.get(email) ?? 0) + 1;
    counts.set(email, count);
    if (best === null || count > (counts.get(best) ?? 0)) best = email;
  }
  return best;
}

/**
 * The notes with each action item's `mine` set for `personEmail` (the Zoom profile's email, else
 * likelyOwnerEmail), the person's own items first, in Fathom's order otherwise. Notes whose
 * items do not change are returned as they were.
 */
export function withMine(
  notes: readonly FathomNote[],
  personEmail: string | null,
): readonly FathomNote[] {
  const me = normalEmail(personEmail) ?? likelyOwnerEmail(notes);
  let changed = false;
  const next = notes.map((note) => {
    const items = markMine(note.actionItems, me);
    if (items === note.actionItems) return note;
    changed = true;
    return { ...note, actionItems: items };
  });
  return changed ? next : notes;
}

function markMine(
  items: readonly FathomNoteActionItem[],
  me: string | null,
): readonly FathomNoteActionItem[] {
  const marked = items.map((item) => {
    const mine = me !== null && normalEmail(item.assignee.email) === me;
    return item.mine === mine ? item : { ...item, mine };
  });
  // Stable: Array.prototype.sort keeps Fathom's order within each group.
  const sorted = [...marked].sort((a, b) => Number(b.mine) - Number(a.mine));
  return sorted.every((item, index) => item === items[index]) ? items : sorted;
}

function normalEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}
