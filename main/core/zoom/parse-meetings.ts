// GET /users/me/meetings pages → Meeting rows: one bad row is skipped, never the whole list.
import type { Meeting } from '../../../preload/contract.ts';
import {
  isRecord,
  readIntegerId,
  readNumber,
  readString,
  readWebUrl,
  type JsonRecord,
} from './json-reader.ts';
import { unreadableResponseError } from './zoom-errors.ts';

export interface MeetingsPage {
  meetings: Meeting[];
  /** null on the last page (Zoom sends "" there, or may leave the field out). */
  nextPageToken: string | null;
}

export function parseMeetingsPage(body: unknown): MeetingsPage {
  if (!isRecord(body)) throw unreadableResponseError('a meeting list');
  const rows = body['meetings'] ?? [];
  if (!Array.isArray(rows)) throw unreadableResponseError('a meeting list');

  const meetings = rows.flatMap((row: unknown) => {
    const meeting = isRecord(row) ? parseMeeting(row) : null;
    return meeting ? [meeting] : [];
  });
  const token = readString(body, 'next_page_token');
  return { meetings, nextPageToken: token ? token : null };
}

export function parseMeeting(row: JsonRecord): Meeting | null {
  const id = readIntegerId(row, 'id');
  if (id === null) return null;

  // Recurring meetings with no fixed time (type 3) have no start_time; keep them, untimed.
  const rawStart = readString(row, 'start_time');
  const startMs = startMsOf(rawStart);
  const startTime = startMs === null ? null : rawStart;
  const duration = readNumber(row, 'duration');
  const type = readNumber(row, 'type');

  return {
    key: meetingKey(id, startTime),
    id,
    topic: readString(row, 'topic')?.trim() ?? '',
    startTime,
    startMs,
    durationMinutes: duration !== null && duration >= 0 ? Math.round(duration) : 0,
    timezone: readString(row, 'timezone')?.trim() || null,
    joinUrl: readWebUrl(row, 'join_url') ?? '',
    agenda: readString(row, 'agenda')?.trim() || null,
    type: type !== null && Number.isInteger(type) ? type : 0,
  };
}

/** Epoch ms of an ISO start, or null for none or one that is not a date. */
export function startMsOf(startTime: string | null): number | null {
  if (startTime === null) return null;
  const ms = Date.parse(startTime);
  return Number.isNaN(ms) ? null : ms;
}

/** Recurring occurrences share an id, so the row key pairs the id with the start. */
export function meetingKey(id: string, startTime: string | null): string {
  return `${id}@${startTime ?? 'none'}`;
}

/** Drops exact duplicate rows (same key) and orders by start; untimed meetings go last. */
export function normalizeMeetings(meetings: readonly Meeting[]): Meeting[] {
  const byKey = new Map<string, Meeting>();
  for (const meeting of meetings) if (!byKey.has(meeting.key)) byKey.set(meeting.key, meeting);
  return [...byKey.values()].sort(compareByStart);
}

function compareByStart(a: Meeting, b: Meeting): number {
  const aStart = a.startMs ?? Number.POSITIVE_INFINITY;
  const bStart = b.startMs ?? Number.POSITIVE_INFINITY;
  if (aStart !== bStart) return aStart < bStart ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
