// The last Fathom notes and the summaries already read, kept in settings (nothing here is
// secret: titles, times, Fathom's own links) so a restart or an offline start shows them at
// once. Like the Zoom meeting cache (session/session-cache.ts), a stored shape this version does
// not recognise is ignored.
import type { FathomMode, FathomNote } from '../../../preload/contract.ts';
import type { SettingsStore } from '../ports.ts';

export interface CachedSummary {
  markdown: string;
  templateName: string | null;
}

export interface NotesData {
  /** The connection the notes were read through: a cache from another mode is not shown. */
  mode: FathomMode;
  notes: readonly FathomNote[];
  /** epoch ms of the listing that produced the notes. */
  updatedAt: number;
  /** Summaries already read, by recording id (only finished ones; "processing" is not kept). */
  summaries: Readonly<Record<number, CachedSummary>>;
}

export interface NotesCache {
  read(): NotesData | null;
  write(data: NotesData): void;
  clear(): void;
}

/** Bump the version when the stored shape changes: an old shape is then simply ignored. */
export const NOTES_CACHE_KEY = 'fathom.notes.v1';

export function createNotesCache(settings: SettingsStore): NotesCache {
  return {
    read() {
      const stored = settings.get<unknown>(NOTES_CACHE_KEY);
      return isNotesData(stored) ? stored : null;
    },
    write(data) {
      settings.set(NOTES_CACHE_KEY, {
        mode: data.mode,
        notes: data.notes,
        updatedAt: data.updatedAt,
        summaries: data.summaries,
      });
    },
    clear() {
      settings.delete(NOTES_CACHE_KEY);
    },
  };
}

// The settings file is outside our control (older versions, hand edits): check every field.

function isNotesData(value: unknown): value is NotesData {
  return (
    isObject(value) &&
    (value['mode'] === 'oauth' || value['mode'] === 'api-key') &&
    typeof value['updatedAt'] === 'number' &&
    Array.isArray(value['notes']) &&
    value['notes'].every(isNote) &&
    isObject(value['summaries']) &&
    Object.entries(value['summaries']).every(
      ([id, summary]) => /^[1-9]\d*$/.test(id) && isSummary(summary),
    )
  );
}

function isNote(value: unknown): value is FathomNote {
  return (
    isObject(value) &&
    Number.isSafeInteger(value['recordingId']) &&
    ['title', 'startedAt', 'shareUrl'].every((k) => typeof value[k] === 'string') &&
    isStringOrNull(value['endedAt']) &&
    (value['durationMinutes'] === null || typeof value['durationMinutes'] === 'number') &&
    isObject(value['recordedBy']) &&
    typeof value['recordedBy']['name'] === 'string' &&
    typeof value['recordedBy']['email'] === 'string' &&
    Array.isArray(value['actionItems']) &&
    value['actionItems'].every(isActionItem)
  );
}

function isActionItem(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value['description'] === 'string' &&
    typeof value['completed'] === 'boolean' &&
    typeof value['mine'] === 'boolean' &&
    typeof value['playbackUrl'] === 'string' &&
    typeof value['timestamp'] === 'string' &&
    isObject(value['assignee']) &&
    isStringOrNull(value['assignee']['name']) &&
    isStringOrNull(value['assignee']['email'])
  );
}

function isSummary(value: unknown): value is CachedSummary {
  return (
    isObject(value) &&
    typeof value['markdown'] === 'string' &&
    isStringOrNull(value['templateName'])
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}
