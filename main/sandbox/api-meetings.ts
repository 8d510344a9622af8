// GET /v2/users/me/meetings (Medium, scope meeting:read:list_meetings), paginated like Zoom.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { invalidField } from './api-errors.ts';
import { guardApiRequest, type ApiGuardDeps } from './api-guard.ts';
import {
  filterMeetings,
  MEETING_LIST_TYPES,
  type DemoMeeting,
  type MeetingListType,
} from './demo-meetings.ts';
import { sendJson } from './http-io.ts';
import type { PageTokens } from './page-tokens.ts';

const DEFAULT_PAGE_SIZE = 30;
const MAX_PAGE_SIZE = 300;

export interface MeetingsDeps extends ApiGuardDeps {
  now: () => number;
  calendar: { rows(): DemoMeeting[] };
  pageTokens: PageTokens;
  /** Fault: every page after the first names the same next_page_token, so paging never ends. */
  repeatPageToken?: () => boolean;
}

type Query = { type: MeetingListType; pageSize: number; offset: number } | { error: object };

function parseQuery(params: URLSearchParams, pageTokens: PageTokens): Query {
  const rawSize = params.get('page_size');
  const pageSize = rawSize === null || rawSize === '' ? DEFAULT_PAGE_SIZE : Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return {
      error: invalidField(
        'page_size',
        `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`,
      ),
    };
  }
  const token = params.get('next_page_token');
  if (token) {
    const cursor = pageTokens.read(token);
    if (!cursor)
      return { error: { code: 300, message: 'The next page token is invalid or expired.' } };
    return { type: cursor.type, pageSize, offset: cursor.offset };
  }
  const type = (params.get('type') || 'scheduled') as MeetingListType;
  if (!MEETING_LIST_TYPES.includes(type)) {
    return {
      error: invalidField('type', `type must be one of: ${MEETING_LIST_TYPES.join(', ')}.`),
    };
  }
  return { type, pageSize, offset: 0 };
}

export function createMeetingsHandler(deps: MeetingsDeps) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const allowed = guardApiRequest(
      deps,
      { category: 'Medium', scope: 'meeting:read:list_meetings' },
      req,
      res,
      url,
    );
    if (!allowed) return;
    const query = parseQuery(url.searchParams, deps.pageTokens);
    if ('error' in query) return sendJson(res, 400, query.error, allowed.headers);
    const rows = filterMeetings(deps.calendar.rows(), query.type, deps.now());
    const end = query.offset + query.pageSize;
    const repeated = deps.repeatPageToken?.() ? url.searchParams.get('next_page_token') : null;
    const nextPageToken = repeated
      ? repeated
      : end < rows.length
        ? deps.pageTokens.issue({ type: query.type, offset: end })
        : '';
    sendJson(
      res,
      200,
      {
        page_size: query.pageSize,
        total_records: rows.length,
        next_page_token: nextPageToken,
        meetings: rows.slice(query.offset, end),
      },
      allowed.headers,
    );
  };
}
