// GET /external/v1/recordings/{recording_id}/summary (fathom-facts §2.6): the summary, or
// {"summary": null} while Fathom is still writing it; an unknown id is 404, a non-integer one 400.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http-io.ts';
import { guardFathomApi, type FathomApiGuardDeps } from './api-guard.ts';
import type { DemoLibrary } from './demo-meetings.ts';

export const SUMMARY_PATH = /^\/external\/v1\/recordings\/([^/]+)\/summary$/;

export function createFathomSummaryHandler(deps: FathomApiGuardDeps & { library: DemoLibrary }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const allowed = guardFathomApi(deps, req, res);
    if (!allowed) return;
    const raw = SUMMARY_PATH.exec(url.pathname)?.[1] ?? '';
    const recordingId = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(recordingId)) {
      return sendJson(
        res,
        400,
        { error: 'bad_request', message: 'recording_id must be an integer.' },
        allowed.headers,
      );
    }
    const row = deps.library.find(recordingId);
    if (!row)
      return sendJson(
        res,
        404,
        { error: 'not_found', message: 'Recording not found.' },
        allowed.headers,
      );
    sendJson(res, 200, { summary: row.summary }, allowed.headers);
  };
}
