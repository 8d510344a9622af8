// The Zoom REST client: profile and upcoming meetings, with token retry and typed failures.
import type { Meeting, Profile } from '../../../preload/contract.ts';
import type { AccessGrant, AuthService } from '../auth/auth-service.types.ts';
import type { Clock, Fetch, Logger } from '../ports.ts';
import { parseJsonKeepingBigIntegers } from './json-reader.ts';
import { normalizeMeetings, parseMeetingsPage } from './parse-meetings.ts';
import { parseProfile } from './parse-profile.ts';
import {
  errorForResponse,
  offlineError,
  sessionExpiredError,
  unreadableResponseError,
} from './zoom-errors.ts';

export interface ZoomApi {
  getProfile(): Promise<Profile>;
  /** Every upcoming meeting, read across all pages, deduplicated and sorted by start. */
  listUpcomingMeetings(): Promise<Meeting[]>;
}

export interface ZoomApiDeps {
  fetch: Fetch;
  auth: Pick<AuthService, 'getAccessToken'>;
  clock: Clock;
  logger: Logger;
}

/** Zoom's maximum page size for List meetings. */
const PAGE_SIZE = 300;
/** A guard against a server that keeps handing out next_page_tokens. */
const MAX_PAGES = 50;
/** A hung request would block the single-flight refresh forever. */
const REQUEST_TIMEOUT_MS = 30_000;

export function createZoomApi({ fetch, auth, clock, logger }: ZoomApiDeps): ZoomApi {
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
    if (reply.status < 200 || reply.status > 299) {
      const error = errorForResponse(reply.status, reply.headers, reply.body, clock.now());
      logger.warn('zoom api request failed', { path, status: reply.status, code: error.code });
      throw error;
    }
    return reply.body;
  }

  async function request(
    grant: AccessGrant,
    path: string,
    query: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: unknown }> {
    const url = new URL(`${grant.apiBaseUrl.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);

    const controller = new AbortController();
    const timer = clock.setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      let response: Response;
      let text: string;
      try {
        // Bearer header only: Zoom rejects tokens in the query string, and URLs end up in logs.
        response = await fetch(url, {
          headers: { authorization: `Bearer ${grant.accessToken}`, accept: 'application/json' },
          signal: controller.signal,
        });
        text = await response.text();
      } catch (error) {
        logger.warn('zoom api unreachable', { path });
        throw offlineError(error);
      }
      return {
        status: response.status,
        headers: response.headers,
        body: readJson(text, response.ok, path),
      };
    } finally {
      clock.clearTimeout(timer);
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

  return {
    async getProfile() {
      return parseProfile(await getJson('/users/me'));
    },

    async listUpcomingMeetings() {
      const meetings: Meeting[] = [];
      const seenTokens = new Set<string>();
      let pageToken: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const query: Record<string, string> = { type: 'upcoming', page_size: String(PAGE_SIZE) };
        if (pageToken !== null) query['next_page_token'] = pageToken;
        const parsed = parseMeetingsPage(await getJson('/users/me/meetings', query));
        meetings.push(...parsed.meetings);
        if (parsed.nextPageToken === null) return normalizeMeetings(meetings);
        if (seenTokens.has(parsed.nextPageToken)) break;
        seenTokens.add(parsed.nextPageToken);
        pageToken = parsed.nextPageToken;
      }
      logger.warn('zoom api pagination did not end', { pages: seenTokens.size + 1 });
      throw unreadableResponseError('a meeting list that never ends');
    },
  };
}
