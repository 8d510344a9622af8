// Fathom's SDK shapes (already validated by its zod schemas) to the tray's own.
import type { Meeting } from 'fathom-typescript/sdk/models/shared';
import type { GetRecordingSummaryResponse } from 'fathom-typescript/sdk/models/operations';
import type { FathomActionItem, FathomMeeting, FathomSummary } from './fathom-api.types.ts';

const iso = (date: Date | null | undefined): string | null =>
  date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;

const text = (value: string | null | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

export function toFathomMeeting(meeting: Meeting): FathomMeeting {
  const actionItems: FathomActionItem[] = (meeting.actionItems ?? []).map((item) => ({
    description: item.description,
    completed: item.completed,
    assignee: { name: item.assignee.name, email: item.assignee.email },
    playbackUrl: item.recordingPlaybackUrl,
    timestamp: item.recordingTimestamp,
  }));
  return {
    recordingId: meeting.recordingId,
    title: text(meeting.title) ?? text(meeting.meetingTitle) ?? '',
    // Both times are required by the schema; the fallbacks guard a recording that never started.
    startedAt:
      iso(meeting.recordingStartTime) ??
      iso(meeting.scheduledStartTime) ??
      iso(meeting.createdAt) ??
      '',
    endedAt: iso(meeting.recordingEndTime) ?? iso(meeting.scheduledEndTime),
    shareUrl: meeting.shareUrl,
    url: meeting.url,
    recordedBy: { name: meeting.recordedBy.name, email: meeting.recordedBy.email },
    actionItems,
  };
}

/**
 * `{summary: null}`: Fathom is still writing it. A `{destination_url}` answer (the asynchronous
 * form, never asked for here) is no summary: null, and the caller treats it as a mismatch.
 */
export function toFathomSummary(response: GetRecordingSummaryResponse): FathomSummary | null {
  if (!('summary' in response)) return null;
  const summary = response.summary;
  if (summary === null) return { templateName: null, markdown: null };
  return { templateName: summary.templateName, markdown: summary.markdownFormatted };
}
