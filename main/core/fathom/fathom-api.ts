// The Fathom External API as the tray needs it: recent meetings with action items, and one
// recording's summary. Credentials are fetched before each call; a 401 earns one renewal.
import { getRecordingSummary } from 'fathom-typescript/funcs/getRecordingSummary.js';
import { listMeetings } from 'fathom-typescript/funcs/listMeetings.js';
import type { FathomCore } from 'fathom-typescript/core.js';
import type {
  ListMeetingsRequest,
  ListMeetingsResponse,
} from 'fathom-typescript/sdk/models/operations';
import { isAppError } from '../errors.ts';
import type {
  FathomApi,
  FathomApiDeps,
  FathomCredential,
  FathomMeeting,
} from './fathom-api.types.ts';
import { credentialRefusedError, schemaMismatchError, unexpectedError } from './fathom-errors.ts';
import { toFathomMeeting, toFathomSummary } from './fathom-meeting.ts';
import { createFathomTransport, type SdkResult } from './fathom-transport.ts';

/** A hung request would hold a refresh (and the person watching it) forever. */
export const FATHOM_DEADLINE_MS = 15_000;
/** Most pages read for one list; past it the pages read are kept, marked incomplete. */
export const FATHOM_MAX_PAGES = 10;
/** A page of meetings with action items is tens of KB; 8 MiB leaves room, not for junk. */
export const FATHOM_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export function createFathomApi(deps: FathomApiDeps): FathomApi {
  const { credentials, logger } = deps;
  const maxPages = deps.maxPages ?? FATHOM_MAX_PAGES;
  const transport = createFathomTransport({
    fetch: deps.fetch,
    baseUrl: deps.baseUrl,
    clock: deps.clock,
    logger,
    deadlineMs: deps.deadlineMs ?? FATHOM_DEADLINE_MS,
    maxBytes: deps.maxResponseBytes ?? FATHOM_MAX_RESPONSE_BYTES,
  });

  async function credential(options?: Parameters<typeof credentials.current>[0]) {
    try {
      return await credentials.current(options);
    } catch (error) {
      throw isAppError(error) ? error : unexpectedError(error);
    }
  }

  /** One call; a refused credential is renewed once (OAuth: forced refresh) and the call retried. */
  async function call<T>(
    operation: string,
    userInitiated: boolean,
    invoke: (core: FathomCore) => PromiseLike<SdkResult<T>>,
  ): Promise<T> {
    const asked = userInitiated ? { userInitiated } : undefined;
    const first: FathomCredential = await credential(asked);
    let outcome = await transport.send(operation, first, invoke);
    if (outcome.kind === 'unauthorized') {
      logger.warn('fathom api refused the credential; renewing once', { operation });
      const renewed = await credential({ ...asked, forceRefresh: true, rejected: first });
      outcome = await transport.send(operation, renewed, invoke);
      if (outcome.kind === 'unauthorized') throw credentialRefusedError(renewed.kind);
    }
    if (outcome.kind === 'failed') throw outcome.error;
    return outcome.value;
  }

  return {
    async listMeetings({ since, userInitiated = false }) {
      const meetings: FathomMeeting[] = [];
      const seen = new Set<string>();
      let cursor: string | null = null;
      for (let page = 1; page <= maxPages; page += 1) {
        const request: ListMeetingsRequest = {
          createdAfter: since.toISOString(),
          includeActionItems: true,
          ...(cursor !== null ? { cursor } : {}),
        };
        const answer: ListMeetingsResponse = await call('listMeetings', userInitiated, (core) =>
          listMeetings(core, request),
        );
        meetings.push(...answer.result.items.map(toFathomMeeting));
        const next: string | null = answer.result.nextCursor;
        if (next === null || next.trim() === '') return { meetings, incomplete: false };
        if (seen.has(next)) {
          logger.warn('fathom api repeated a cursor; keeping the pages read', { pages: page });
          return { meetings, incomplete: true };
        }
        seen.add(next);
        cursor = next;
      }
      logger.warn('fathom meeting list longer than the page cap; keeping the pages read', {
        pages: maxPages,
      });
      return { meetings, incomplete: true };
    },

    async getSummary(recordingId) {
      const answer = await call('getSummary', false, (core) =>
        getRecordingSummary(core, { recordingId }),
      );
      const summary = toFathomSummary(answer);
      if (!summary) {
        logger.warn('fathom api sent no summary field', { operation: 'getSummary' });
        throw schemaMismatchError();
      }
      return summary;
    },
  };
}
