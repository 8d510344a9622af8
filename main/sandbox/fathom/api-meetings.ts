// GET /external/v1/meetings (fathom-facts §2.3–§2.7, §4): filters, a fixed page size, opaque
// cursors, `{limit, next_cursor, items}` with both keys always present, action items only when
// asked for. `recorded_by[]` arrives literally or percent-encoded (`recorded_by%5B%5D`, as the SDK
// sends it); URLSearchParams decodes both to the same key.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http-io.ts';
import { guardFathomApi, type ApiCaller, type FathomApiGuardDeps } from './api-guard.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from './cursors.ts';
import type { DemoLibrary, DemoRecording } from './demo-meetings.ts';
import type { FathomSchemaFault } from './types.ts';

export interface FathomMeetingsDeps extends FathomApiGuardDeps {
  library: DemoLibrary;
  pageSize: number;
  includeSummaryForOAuth: 'ignore' | 'reject';
  schemaFault: () => FathomSchemaFault | undefined;
}

const DOMAINS_TYPES = ['all', 'only_internal', 'one_or_more_external'];
const MEETING_TYPES = ['all', 'internal', 'external'];

type Filter = (row: DemoRecording) => boolean;

const badRequest = (message: string) => ({ error: 'bad_request', message });

/** A filter on created_at from one time parameter: none when absent, an error when not ISO 8601. */
function timeFilter(
  params: URLSearchParams,
  name: string,
  keep: (at: number, bound: number) => boolean,
): { filter: Filter | null } | { error: string } {
  const raw = params.get(name);
  if (raw === null || raw === '') return { filter: null };
  const bound = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(bound))
    return { error: `${name} must be an ISO 8601 timestamp, for example 2025-01-01T00:00:00Z.` };
  return { filter: (row) => keep(row.createdAtMs, bound) };
}

function parseFilters(params: URLSearchParams): { filters: Filter[] } | { error: string } {
  const filters: Filter[] = [];
  for (const [name, keep] of [
    ['created_after', (at: number, bound: number) => at > bound],
    ['created_before', (at: number, bound: number) => at < bound],
  ] as const) {
    const parsed = timeFilter(params, name, keep);
    if ('error' in parsed) return parsed;
    if (parsed.filter) filters.push(parsed.filter);
  }
  const recordedBy = params.getAll('recorded_by[]').map((email) => email.toLowerCase());
  if (recordedBy.length > 0)
    filters.push((row) => recordedBy.includes(row.meeting.recorded_by.email.toLowerCase()));
  const teams = params.getAll('teams[]');
  if (teams.length > 0) filters.push((row) => teams.includes(row.meeting.recorded_by.team ?? ''));
  const domains = params.getAll('calendar_invitees_domains[]');
  if (domains.length > 0)
    filters.push((row) =>
      row.meeting.calendar_invitees.some((invitee) => domains.includes(invitee.email_domain ?? '')),
    );
  const domainsType = params.get('calendar_invitees_domains_type') ?? 'all';
  if (!DOMAINS_TYPES.includes(domainsType))
    return { error: `calendar_invitees_domains_type must be one of ${DOMAINS_TYPES.join(', ')}.` };
  if (domainsType !== 'all')
    filters.push((row) => row.meeting.calendar_invitees_domains_type === domainsType);
  const meetingType = params.get('meeting_type') ?? 'all';
  if (!MEETING_TYPES.includes(meetingType))
    return { error: `meeting_type must be one of ${MEETING_TYPES.join(', ')}.` };
  if (meetingType !== 'all') {
    const wanted = meetingType === 'internal' ? 'only_internal' : 'one_or_more_external';
    filters.push((row) => row.meeting.calendar_invitees_domains_type === wanted);
  }
  return { filters };
}

function item(
  row: DemoRecording,
  params: URLSearchParams,
  caller: ApiCaller,
  fault?: FathomSchemaFault,
) {
  const body: Record<string, unknown> = { ...row.meeting };
  if (params.get('include_action_items') === 'true') body.action_items = row.actionItems;
  // Summaries on the list are for API keys only ("unavailable for OAuth connected apps").
  if (params.get('include_summary') === 'true' && caller.kind === 'api-key')
    body.default_summary = row.summary;
  if (fault === 'domains-type-all') body.calendar_invitees_domains_type = 'all';
  if (fault === 'string-recording-id') body.recording_id = String(row.recordingId);
  return body;
}

export function createFathomMeetingsHandler(deps: FathomMeetingsDeps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const allowed = guardFathomApi(deps, req, res);
    if (!allowed) return;
    const { caller, headers } = allowed;
    const params = url.searchParams;
    const wantsOAuthOnly = ['include_summary', 'include_transcript'].some(
      (name) => params.get(name) === 'true',
    );
    if (caller.kind === 'oauth' && wantsOAuthOnly && deps.includeSummaryForOAuth === 'reject') {
      return sendJson(
        res,
        400,
        badRequest(
          'include_summary and include_transcript are unavailable for OAuth connected apps; use /recordings instead.',
        ),
        headers,
      );
    }
    const parsed = parseFilters(params);
    if ('error' in parsed) return sendJson(res, 400, badRequest(parsed.error), headers);
    const fingerprint = queryFingerprint(params);
    const cursor = params.get('cursor');
    const offset = cursor ? decodeCursor(cursor, fingerprint) : 0;
    if (offset === null) return sendJson(res, 400, badRequest('The cursor is invalid.'), headers);
    const rows = deps.library.rows().filter((row) => parsed.filters.every((keep) => keep(row)));
    const end = offset + deps.pageSize;
    const fault = deps.schemaFault();
    const body: Record<string, unknown> = {
      limit: deps.pageSize,
      next_cursor: end < rows.length ? encodeCursor(end, fingerprint) : null,
      items: rows.slice(offset, end).map((row) => item(row, params, caller, fault)),
    };
    if (fault === 'drop-next-cursor') delete body.next_cursor;
    sendJson(res, 200, body, headers);
  };
}
