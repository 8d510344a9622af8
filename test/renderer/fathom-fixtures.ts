import type { FathomNote, FathomState } from '../../preload/contract.ts';
import { FIXTURE_NOW } from '../fakes/session-fixtures.ts';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Recorded an hour ago (08:00–08:42 in London on the fixtures' day), three action items. */
export const noteToday: FathomNote = {
  recordingId: 101,
  title:
    'Acme <> Globex renewal call — pricing, timelines and the security questionnaire follow-up',
  startedAt: iso(FIXTURE_NOW - 60 * MINUTE),
  endedAt: iso(FIXTURE_NOW - 18 * MINUTE),
  durationMinutes: 42,
  shareUrl: 'https://fathom.video/share/Xy7pQ2aBcD',
  recordedBy: { name: 'Ada Lovelace', email: 'ada@example.com' },
  actionItems: [
    {
      description: 'Send Globex the revised pricing sheet',
      completed: false,
      assignee: { name: 'Ada Lovelace', email: 'ada@example.com' },
      mine: true,
      playbackUrl: 'https://fathom.video/calls/101?timestamp=1274',
      timestamp: '00:21:14',
    },
    {
      description: 'Book the security review',
      completed: true,
      assignee: { name: 'Ada Lovelace', email: 'ada@example.com' },
      mine: true,
      playbackUrl: 'https://fathom.video/calls/101?timestamp=300',
      timestamp: '00:05:00',
    },
    {
      description: 'Share the questionnaire with legal',
      completed: false,
      assignee: { name: 'Lee Wong', email: 'lee@globex.example' },
      mine: false,
      playbackUrl: 'https://fathom.video/calls/101?timestamp=1800',
      timestamp: '00:30:00',
    },
  ],
};

/** Yesterday afternoon, no action items, the length only from its two ends. */
export const noteYesterday: FathomNote = {
  recordingId: 102,
  title: 'Weekly design sync',
  startedAt: '2026-11-23T15:00:00Z',
  endedAt: '2026-11-23T15:25:00Z',
  durationMinutes: null,
  shareUrl: 'https://fathom.video/share/design-sync',
  recordedBy: { name: 'Grace Hopper', email: 'grace@example.com' },
  actionItems: [],
};

export const fathomConnected: Extract<FathomState, { kind: 'connected' }> = {
  kind: 'connected',
  mode: 'oauth',
  notes: [noteToday, noteYesterday],
  updatedAt: FIXTURE_NOW - 5 * MINUTE,
  stale: false,
  offline: false,
  refreshing: false,
  problem: null,
  waitUntil: null,
  incomplete: false,
  summaries: {},
};

export const fathomOffline: FathomState = {
  ...fathomConnected,
  stale: true,
  offline: true,
  problem: { code: 'offline', message: 'Fathom could not be reached.' },
};

export const fathomEmpty: FathomState = { ...fathomConnected, notes: [] };

export const SUMMARY_MARKDOWN = [
  '## Meeting Purpose',
  '',
  'Renew **Globex** for another year. [Jump to pricing](https://fathom.video/calls/101?timestamp=1274)',
  '',
  '## Key Takeaways',
  '',
  '- Pricing: *10 %* off for two years',
  '- Security review <script>window.__pwned = true</script> next week',
  '- [a trap](javascript:window.__pwned=true) and [plain http](http://fathom.video/x)',
].join('\n');

export function withSummary(
  state: Extract<FathomState, { kind: 'connected' }>,
  recordingId: number,
  summary: Extract<FathomState, { kind: 'connected' }>['summaries'][number],
): FathomState {
  return { ...state, summaries: { ...state.summaries, [recordingId]: summary } };
}
