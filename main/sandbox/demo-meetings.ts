// Realistic meetings for the demo account, placed relative to the sandbox clock so a newcomer
// always sees something live, something soon, tomorrow and later. Deliberately awkward data:
// several time zones, recurring meetings (type 8 with two occurrence rows sharing an id, type 3
// without start_time), long and unicode topics, one meeting without an agenda, one long agenda.
import { createHash } from 'node:crypto';
import { DEMO_USER } from './demo-user.ts';

export interface DemoMeeting {
  uuid: string;
  id: number;
  host_id: string;
  topic: string;
  type: 2 | 3 | 8;
  start_time?: string;
  duration: number;
  timezone: string;
  agenda?: string;
  created_at: string;
  join_url: string;
  pmi?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When a meeting starts: minutes from the anchor, a UTC time on a later day, or never (type 3). */
type Start = { fromAnchorMinutes: number } | { day: number; utc: string } | null;

interface Template {
  topic: string;
  type: 2 | 3 | 8;
  starts: Start[];
  duration: number;
  timezone: string;
  agenda?: string;
  createdDaysBefore: number;
  pmi?: string;
}

const LONG_TOPIC =
  'Quarterly business review with the EMEA partner success team: renewals, onboarding metrics, support escalations and next year’s integration roadmap (please read the pre-read before joining)';

const LONG_AGENDA =
  '1. Welcome and goals for the session (5 min)\n2. Renewal pipeline by region, with risks and owners (15 min)\n3. Onboarding funnel: where partners stall and what we changed last quarter (20 min)\n4. Support escalations: top five themes and the fixes in flight (20 min)\n5. Integration roadmap for next year, open questions and decisions needed (25 min)\n6. Wrap-up, owners and dates (5 min)';

// Ordered so that any prefix of 12 rows keeps the awkward cases.
const TEMPLATES: Template[] = [
  {
    topic: 'Weekly stand-up',
    type: 8,
    starts: [{ fromAnchorMinutes: -10 }],
    duration: 45,
    timezone: 'Europe/Berlin',
    agenda: 'Yesterday, today, blockers.',
    createdDaysBefore: 84,
  },
  {
    topic: 'Design review: onboarding flow',
    type: 2,
    starts: [{ fromAnchorMinutes: 25 }],
    duration: 45,
    timezone: 'America/New_York',
    agenda: 'Walk through the new first-run screens and agree on the copy.',
    createdDaysBefore: 6,
  },
  {
    topic: '製品ロードマップ会議（第4四半期）',
    type: 2,
    starts: [{ fromAnchorMinutes: 150 }],
    duration: 30,
    timezone: 'Asia/Tokyo',
    createdDaysBefore: 12,
  },
  {
    topic: 'Budget check-in',
    type: 2,
    starts: [{ fromAnchorMinutes: -180 }],
    duration: 30,
    timezone: 'America/Los_Angeles',
    agenda: 'Q4 spend against plan.',
    createdDaysBefore: 9,
  },
  {
    topic: '🚀 Launch retro — what went well, what didn’t',
    type: 2,
    starts: [{ fromAnchorMinutes: 270 }],
    duration: 60,
    timezone: 'Europe/London',
    agenda: 'Bring one thing to keep and one to change 🙂',
    createdDaysBefore: 3,
  },
  {
    topic: 'Daily check-in',
    type: 8,
    starts: [
      { day: 1, utc: '07:30' },
      { day: 2, utc: '07:30' },
    ],
    duration: 15,
    timezone: 'Europe/Berlin',
    agenda: 'Quick sync on the release train.',
    createdDaysBefore: 40,
  },
  {
    topic: 'Réunion d’équipe : café & crème brûlée ☕',
    type: 2,
    starts: [{ day: 1, utc: '09:00' }],
    duration: 60,
    timezone: 'Europe/Paris',
    agenda: 'Ordre du jour : priorités de la semaine, questions ouvertes.',
    createdDaysBefore: 14,
  },
  {
    topic: LONG_TOPIC,
    type: 2,
    starts: [{ day: 1, utc: '14:00' }],
    duration: 90,
    timezone: 'America/Sao_Paulo',
    agenda: LONG_AGENDA,
    createdDaysBefore: 21,
  },
  {
    topic: '1:1 Ada / Jonas',
    type: 3,
    starts: [null],
    duration: 30,
    timezone: 'Europe/Berlin',
    agenda: 'Open agenda.',
    createdDaysBefore: 170,
    pmi: String(DEMO_USER.pmi),
  },
  {
    topic: 'Quarterly planning sync',
    type: 2,
    starts: [{ day: 3, utc: '15:00' }],
    duration: 60,
    timezone: 'Europe/Berlin',
    agenda: 'Roadmap review and Q1 staffing',
    createdDaysBefore: 14,
  },
  {
    topic: 'Customer call — Müller & Søn A/S',
    type: 2,
    starts: [{ day: 6, utc: '10:00' }],
    duration: 45,
    timezone: 'Europe/Copenhagen',
    agenda: 'Renewal terms and the SSO rollout.',
    createdDaysBefore: 5,
  },
  {
    topic: 'Hiring panel: Senior engineer',
    type: 2,
    starts: [{ day: 10, utc: '11:30' }],
    duration: 60,
    timezone: 'Asia/Kolkata',
    agenda: 'Panel debrief follows the interview.',
    createdDaysBefore: 2,
  },
  {
    topic: 'Sprint demo',
    type: 2,
    starts: [{ day: 13, utc: '06:00' }],
    duration: 45,
    timezone: 'Australia/Sydney',
    agenda: 'Demos from each squad.',
    createdDaysBefore: 30,
  },
  {
    topic: 'Year-end all hands 🎉',
    type: 2,
    starts: [{ day: 20, utc: '16:00' }],
    duration: 90,
    timezone: 'UTC',
    agenda: 'Celebrate the year, awards, Q&A.',
    createdDaysBefore: 60,
  },
];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const digest = (text: string) => createHash('sha256').update(text).digest();

function startMs(start: Exclude<Start, null>, anchor: number): number {
  if ('fromAnchorMinutes' in start) return anchor + start.fromAnchorMinutes * MINUTE;
  const [hours = 0, minutes = 0] = start.utc.split(':').map(Number);
  return Math.floor(anchor / DAY) * DAY + start.day * DAY + hours * HOUR + minutes * MINUTE;
}

/** Topics beyond the templates, when a test asks for many rows (pagination). */
function extraTemplate(n: number): Template {
  return {
    topic: `Focus session #${n}`,
    type: 2,
    starts: [
      { day: 21 + Math.floor(n / 4), utc: `${String(8 + (n % 4) * 2).padStart(2, '0')}:00` },
    ],
    duration: 50,
    timezone: 'UTC',
    agenda: 'Heads-down time.',
    createdDaysBefore: 1,
  };
}

function toRows(template: Template, index: number, anchor: number): DemoMeeting[] {
  // Meeting numbers exceed 10 digits, like real ones: keep them int64-safe in the app.
  const id = 81_000_000_000 + index * 7_919_573 + 4_321;
  const uuid = digest(`uuid:${id}`).subarray(0, 16).toString('base64');
  const pwd = digest(`pwd:${id}`).toString('base64url').slice(0, 32);
  return template.starts.map((start) => ({
    uuid,
    id,
    host_id: DEMO_USER.id,
    topic: template.topic,
    type: template.type,
    ...(start ? { start_time: iso(startMs(start, anchor)) } : {}),
    duration: template.duration,
    timezone: template.timezone,
    ...(template.agenda !== undefined ? { agenda: template.agenda.slice(0, 250) } : {}),
    created_at: iso(Math.floor(anchor / HOUR) * HOUR - template.createdDaysBefore * DAY),
    join_url: `https://us05web.zoom.us/j/${id}?pwd=${pwd}`,
    ...(template.pmi ? { pmi: template.pmi } : {}),
  }));
}

/** `count` rows sorted by start time, meetings without a start time last. */
export function generateDemoMeetings(anchor: number, count: number): DemoMeeting[] {
  const rows: DemoMeeting[] = [];
  for (let index = 0; rows.length < count; index += 1) {
    const template = TEMPLATES[index] ?? extraTemplate(index - TEMPLATES.length + 1);
    rows.push(...toRows(template, index, anchor));
  }
  return rows.slice(0, count).sort((a, b) => {
    if (a.start_time === undefined || b.start_time === undefined) {
      return (a.start_time === undefined ? 1 : 0) - (b.start_time === undefined ? 1 : 0);
    }
    return a.start_time.localeCompare(b.start_time);
  });
}

export type MeetingListType =
  'scheduled' | 'live' | 'upcoming' | 'upcoming_meetings' | 'previous_meetings';

export const MEETING_LIST_TYPES: readonly MeetingListType[] = [
  'scheduled',
  'live',
  'upcoming',
  'upcoming_meetings',
  'previous_meetings',
];

/** Zoom's list filters (§6.2): live ⊂ upcoming; previous = already ended; scheduled = all. */
export function filterMeetings(
  rows: readonly DemoMeeting[],
  type: MeetingListType,
  now: number,
): DemoMeeting[] {
  return rows.filter((row) => {
    if (type === 'scheduled') return true;
    if (row.start_time === undefined) return type === 'upcoming' || type === 'upcoming_meetings';
    const start = Date.parse(row.start_time);
    const end = start + row.duration * MINUTE;
    if (type === 'live') return start <= now && now < end;
    if (type === 'previous_meetings') return end <= now;
    return end > now;
  });
}

/** The anchor moves with the clock in 30-minute steps only after a day, so a demo stays stable. */
export function createMeetingCalendar(deps: { now: () => number; count: number }) {
  const floorToSlot = (ms: number) => Math.floor(ms / (30 * MINUTE)) * 30 * MINUTE;
  let anchor = floorToSlot(deps.now());
  return {
    rows(): DemoMeeting[] {
      if (deps.now() - anchor >= DAY || deps.now() < anchor) anchor = floorToSlot(deps.now());
      return generateDemoMeetings(anchor, deps.count);
    },
  };
}
