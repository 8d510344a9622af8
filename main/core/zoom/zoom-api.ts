// The Zoom REST client: profile and upcoming meetings, with token retry and typed failures.
import type { Meeting, Profile } from '../../../preload/contract.ts';
import type { AccessGrant, AuthService } from '../auth/auth-service.types.ts';
import { fetchWithin, type WireReply } from '../net/fetch-within.ts';
import { isWireError } from '../net/wire-error.ts';
import type { Clock, Fetch, Logger } from '../ports.ts';
import { parseJsonKeepingBigIntegers } from './json-reader.ts';
import { normalizeMeetings, parseMeetingsPage } from './parse-meetings.ts';
import { parseProfile } from './parse-profile.ts';
import {
  errorForResponse,
  offlineError,
  sessionExpiredError,
  timeoutError,
  tooLargeError,
  unreadableResponseError,
} from './zoom-errors.ts';

export interface ZoomApi {
  getProfile(): Promise<Profile>;
  /** Every upcoming meeting read, deduplicated and sorted by start (see readUpcomingMeetings). */
  listUpcomingMeetings(): Promise<Meeting[]>;
}

/** The meeting list with what is known about its completeness. */
export interface MeetingList {
  meetings: Meeting[];
  /**
   * True when paging stopped before Zoom said "last page": a repeated next_page_token or more
   * pages than the cap. The rows read are kept; some meetings may be missing.
   */
  incomplete: boolean;
}

/** The client as built: ZoomApi plus the meeting list with its completeness flag. */
export interface ZoomClient extends ZoomApi {
  readUpcomingMeetings(): Promise<MeetingList>;
}

export interface ZoomApiDeps {
  fetch: Fetch;
  auth: Pick<AuthService, 'getAccessToken'>;
  clock: Clock;
  logger: Logger;
  /** Total time for one request, body included, so a dripping body cannot extend it. Default 15 s. */
  requestDeadlineMs?: number;
  /** Longest answer read per request (one page). Default 8 MiB. */
  maxResponseBytes?: number;
  /** Most pages read for one meeting list. Default 40 (12,000 meetings at 300 a page). */
  maxPages?: number;
}

/** Zoom's maximum page size for List meetings. */
const PAGE_SIZE = 300;
export const MAX_PAGES = 40;
/** A hung request would hold the session's refresh (and everyone waiting on it) forever. */
export const API_DEADLINE_MS = 15_000;
/** A page of 300 meetings is about 250 KB; 8 MiB leaves room for long agendas, not for junk. */
export const MAX_API_RESPONSE_BYTES = 8 * 1024 * 1024;

export function createZoomApi(deps: ZoomApiDeps): ZoomClient {
  const { fetch, auth, clock, logger } = deps;
  const deadlineMs = deps.requestDeadlineMs ?? API_DEADLINE_MS;
  const maxBytes = deps.maxResponseBytes ?? MAX_API_RESPONSE_BYTES;
  const maxPages = deps.maxPages ?? MAX_PAGES;

  /** One authenticated GET. A 401 earns exactly one forced token refresh and one retry. */
  async function getJson(path: string, query: Record<string, string> = {}): Promise<unknown> {
    const grant = await auth.getAccessToken();
    let reply = await request(grant, path, query);
    if (reply.status === 401) {
      logger.warn('zoom api rejected the access token; refreshing once', { path });
      const renewed = await auth.getAccessToken({
        forceRefresh: true,
        rejectedAccessToken: grant.accessToken,
      });
      reply = await request(renewed, path, query);
      if (reply.status === 401) throw sessionExpiredError();
    }
    const isSuccess = reply.status >= 200 && reply.status <= 299;
    const body = readJson(reply.text, isSuccess, path);
    if (!isSuccess) {
      const error = errorForResponse(reply.status, reply.headers, body, clock.now());
      logger.warn('zoom api request failed', { path, status: reply.status, code: error.code });
      throw error;
    }
    return body;
  }

  async function request(
    grant: AccessGrant,
    path: string,
    query: Record<string, string>,
  ): Promise<WireReply> {
    const url = new URL(`${grant.apiBaseUrl.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    try {
      // Bearer header only: Zoom rejects tokens in the query string, and URLs end up in logs.
      return await fetchWithin(
        fetch,
        url,
        { headers: { authorization: `Bearer ${grant.accessToken}`, accept: 'application/json' } },
        { deadlineMs, maxBytes },
      );
    } catch (error) {
      if (isWireError(error) && error.kind === 'timeout') {
        logger.warn('zoom api did not answer in time', { path, deadlineMs });
        throw timeoutError(deadlineMs, error);
      }
      if (isWireError(error) && error.kind === 'too_large') {
        logger.warn('zoom api answer over the size limit', { path, maxBytes });
        throw tooLargeError(maxBytes);
      }
      logger.warn('zoom api unreachable', { path });
      throw offlineError(error);
    }
  }

  function readJson(text: string, isSuccess: boolean, path: string): unknown {
    if (text.trim() === '') return null;
    try {
      return parseJsonKeepingBigIntegers(text);
    } catch {
      // An error status with a non-JSON body is still an error status; a 2xx must be JSON.
      if (!isSuccess) return null;
      logger.warn('zoom api sent invalid json', { path });
      throw unreadableResponseError('a response');
    }
  }

  /**
   * Follows next_page_token to the last page. A token seen before, or more pages than the
   * cap, ends paging early: the rows read so far are kept and the list is marked incomplete.
   */
  async function readUpcomingMeetings(): Promise<MeetingList> {
    const meetings: Meeting[] = [];
    const seenTokens = new Set<string>();
    let pageToken: string | null = null;
    for (let page = 1; page <= maxPages; page += 1) {
      const query: Record<string, string> = { type: 'upcoming', page_size: String(PAGE_SIZE) };
      if (pageToken !== null) query['next_page_token'] = pageToken;
      const parsed = parseMeetingsPage(await getJson('/users/me/meetings', query));
      meetings.push(...parsed.meetings);
      if (parsed.nextPageToken === null)
        return { meetings: normalizeMeetings(meetings), incomplete: false };
      if (seenTokens.has(parsed.nextPageToken)) {
        logger.warn('zoom api repeated a page token; keeping the pages read', { pages: page });
        return { meetings: normalizeMeetings(meetings), incomplete: true };
      }
      seenTokens.add(parsed.nextPageToken);
      pageToken = parsed.nextPageToken;
    }
    logger.warn('zoom api meeting list longer than the page cap; keeping the pages read', {
      pages: maxPages,
    });
    return { meetings: normalizeMeetings(meetings), incomplete: true };
  }

  return {
    async getProfile() {
      return parseProfile(await getJson('/users/me'));
    },

    async listUpcomingMeetings() {
      return (await readUpcomingMeetings()).meetings;
    },

    readUpcomingMeetings,
  };
}
