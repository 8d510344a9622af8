// The tray's "Notes ready" entries: Fathom notes of meetings that ended in the last few hours,
// newest first, at most three and "+N more". Clicking one opens the window (where the note, its
// summary and its action items are), not the share link: the tray stays a way into the app, and
// nothing from Fathom's data is handed to the system from a menu. Pure, like tray-model.ts.
import type { FathomNote, FathomState } from '../../../preload/contract.ts';
import { truncate } from '../time-format.ts';
import type { TrayItem, TrayModel } from './tray-model.ts';

/** A note is "ready" this long after its meeting ended. */
export const NOTES_READY_WINDOW_MS = 3 * 60 * 60_000;
export const NOTES_READY_MAX = 3;
const TITLE_IN_MENU = 48;

/** The notes whose meeting ended within the window before `now`, the latest ending first. */
export function readyNotes(state: FathomState, now: number): FathomNote[] {
  if (state.kind !== 'connected') return [];
  return state.notes
    .filter((note) => {
      const ended = note.endedAt === null ? Number.NaN : Date.parse(note.endedAt);
      return ended <= now && now - ended < NOTES_READY_WINDOW_MS;
    })
    .sort((a, b) => Date.parse(b.endedAt ?? '') - Date.parse(a.endedAt ?? ''));
}

export function notesReadyItems(state: FathomState, now: number): TrayItem[] {
  const ready = readyNotes(state, now);
  const items: TrayItem[] = ready.slice(0, NOTES_READY_MAX).map((note) => ({
    kind: 'action',
    label: `Notes ready: ${truncate(note.title, TITLE_IN_MENU)}`,
    action: { type: 'open-window' },
    enabled: true,
  }));
  const more = ready.length - NOTES_READY_MAX;
  if (more > 0) items.push({ kind: 'label', label: `+${more} more` });
  return items;
}

/**
 * The model with the entries placed before the window's "Open" item (after the meetings), set
 * off by a separator; the model itself when there are none.
 */
export function withNotesReady(model: TrayModel, state: FathomState, now: number): TrayModel {
  const notes = notesReadyItems(state, now);
  if (notes.length === 0) return model;
  const at = model.items.findIndex(
    (item) => item.kind === 'action' && item.action.type === 'open-window',
  );
  const index = at === -1 ? model.items.length : at;
  const before = model.items.slice(0, index);
  const lead: TrayItem[] =
    before.length > 0 && before.at(-1)?.kind !== 'separator' ? [SEPARATOR] : [];
  return {
    ...model,
    items: [...before, ...lead, ...notes, SEPARATOR, ...model.items.slice(index)],
  };
}

const SEPARATOR: TrayItem = { kind: 'separator' };
