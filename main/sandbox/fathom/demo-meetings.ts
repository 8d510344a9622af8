// The demo recordings, laid out relative to the sandbox clock: by default 8 recorded in the past
// 7 days (2 of them ended within the last 3 hours, the newest one's summary still processing)
// and 2 older than 7 days, so a 7-day filter has something to leave out. Integer ids that stay the
// same across restarts; times re-anchored when the sandbox has run for half a day.
import { FATHOM_DEMO_PERSON } from './clients.ts';
import {
  OLD_TEMPLATES,
  RECENT_TEMPLATES,
  summaryMarkdown,
  type DemoPerson,
  type DemoTemplate,
} from './demo-templates.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const REANCHOR_AFTER_MS = 12 * HOUR;
const RECORDING_ID_BASE = 96_410_000;
/** How long ago the meetings ended that are "notes ready" material, and the older ones. */
const JUST_ENDED_MS = [40 * MINUTE, 150 * MINUTE];
const OLD_ENDED_MS = [9 * DAY, 12 * DAY];

export interface WireMeeting {
  title: string;
  meeting_title: string | null;
  recording_id: number;
  url: string;
  share_url: string;
  created_at: string;
  scheduled_start_time: string;
  scheduled_end_time: string;
  recording_start_time: string;
  recording_end_time: string;
  calendar_invitees_domains_type: 'only_internal' | 'one_or_more_external';
  transcript_language: string;
  calendar_invitees: {
    name: string | null;
    email: string | null;
    email_domain: string | null;
    is_external: boolean;
  }[];
  recorded_by: { name: string; email: string; email_domain: string; team: string | null };
}

export interface WireActionItem {
  description: string;
  user_generated: boolean;
  completed: boolean;
  recording_timestamp: string;
  recording_playback_url: string;
  assignee: { name: string | null; email: string | null; team: string | null };
}

export interface WireSummary {
  template_name: string | null;
  markdown_formatted: string | null;
}

export interface DemoRecording {
  recordingId: number;
  createdAtMs: number;
  meeting: WireMeeting;
  actionItems: WireActionItem[];
  /** null while Fathom is still writing it. */
  summary: WireSummary | null;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const domainOf = (email: string) => email.split('@')[1] ?? '';
const isExternal = (person: DemoPerson) =>
  domainOf(person.email) !== FATHOM_DEMO_PERSON.emailDomain;

function hms(seconds: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** A stable share slug per id, shaped like Fathom's (letters and digits). */
function shareSlug(recordingId: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let value = (recordingId * 2_654_435_761) % 4_294_967_296;
  let slug = '';
  for (let i = 0; i < 10; i += 1) {
    slug += alphabet[value % alphabet.length];
    value = Math.floor(value / alphabet.length) + recordingId * (i + 7);
  }
  return slug;
}

function recording(
  template: DemoTemplate,
  recordingId: number,
  endedAtMs: number,
  processing: boolean,
): DemoRecording {
  const recordingEnd = endedAtMs;
  const recordingStart = recordingEnd - template.minutes * MINUTE - 17_000;
  const scheduledStart = Math.floor(recordingStart / (15 * MINUTE)) * 15 * MINUTE;
  const scheduledEnd = scheduledStart + Math.ceil(template.minutes / 15) * 15 * MINUTE;
  const url = `https://fathom.video/calls/${recordingId}`;
  const external = template.invitees.some(isExternal);
  return {
    recordingId,
    createdAtMs: recordingStart + 4_000,
    meeting: {
      title: template.title,
      meeting_title: template.meetingTitle,
      recording_id: recordingId,
      url,
      share_url: `https://fathom.video/share/${shareSlug(recordingId)}`,
      created_at: iso(recordingStart + 4_000),
      scheduled_start_time: iso(scheduledStart),
      scheduled_end_time: iso(scheduledEnd),
      recording_start_time: iso(recordingStart),
      recording_end_time: iso(recordingEnd),
      calendar_invitees_domains_type: external ? 'one_or_more_external' : 'only_internal',
      transcript_language: 'en',
      calendar_invitees: template.invitees.map((person) => ({
        name: person.name,
        email: person.email,
        email_domain: domainOf(person.email),
        is_external: isExternal(person),
      })),
      recorded_by: {
        name: template.recordedBy.name,
        email: template.recordedBy.email,
        email_domain: domainOf(template.recordedBy.email),
        team: template.recordedBy.team,
      },
    },
    actionItems: template.actionItems.map((action) => ({
      description: action.description,
      user_generated: action.userGenerated,
      completed: action.completed,
      recording_timestamp: hms(action.at),
      recording_playback_url: `${url}?timestamp=${action.at}`,
      assignee: {
        name: action.assignee?.name ?? null,
        email: action.assignee?.email ?? null,
        team: action.assignee?.team ?? null,
      },
    })),
    summary: processing
      ? null
      : { template_name: template.templateName, markdown_formatted: summaryMarkdown(template) },
  };
}

/** When recent meeting `index` of `count` ended, before the anchor. */
function endedAgoMs(index: number, count: number): number {
  const justEnded = JUST_ENDED_MS[index];
  if (justEnded !== undefined) return justEnded;
  // The rest spread evenly from 6 hours to 6.5 days ago.
  const first = 6 * HOUR;
  const last = 6.5 * DAY;
  const others = Math.max(1, count - JUST_ENDED_MS.length - 1);
  return first + ((index - JUST_ENDED_MS.length) * (last - first)) / others;
}

/** Newest first (Fathom's order is undocumented; clients sort for themselves). */
export function buildDemoRecordings(anchorMs: number, recentCount: number): DemoRecording[] {
  const rows: DemoRecording[] = [];
  for (let i = 0; i < recentCount; i += 1) {
    const template = RECENT_TEMPLATES[i % RECENT_TEMPLATES.length]!;
    rows.push(
      recording(
        template,
        RECORDING_ID_BASE + i * 13,
        anchorMs - endedAgoMs(i, recentCount),
        i === 0,
      ),
    );
  }
  OLD_TEMPLATES.forEach((template, i) => {
    rows.push(
      recording(template, RECORDING_ID_BASE - (i + 1) * 13, anchorMs - OLD_ENDED_MS[i]!, false),
    );
  });
  return rows.sort((a, b) => b.createdAtMs - a.createdAtMs);
}

/** The recordings as of now, re-laid out when the sandbox has run for half a day. */
export function createDemoLibrary(deps: { now: () => number; recentCount: number }) {
  let anchor = Number.NaN;
  let rows: DemoRecording[] = [];
  const current = () => {
    const now = deps.now();
    if (!(now - anchor < REANCHOR_AFTER_MS && now >= anchor)) {
      anchor = Math.floor(now / MINUTE) * MINUTE;
      rows = buildDemoRecordings(anchor, deps.recentCount);
    }
    return rows;
  };
  return {
    rows: current,
    find: (recordingId: number) => current().find((row) => row.recordingId === recordingId),
  };
}

export type DemoLibrary = ReturnType<typeof createDemoLibrary>;
