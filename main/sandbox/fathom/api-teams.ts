// GET /external/v1/teams and /team_members (optional in fathom-facts §4): the demo person's
// colleagues, same auth, limit (never null here) and next_cursor paging as /meetings.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http-io.ts';
import { guardFathomApi, type FathomApiGuardDeps } from './api-guard.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from './cursors.ts';
import { TEAM_MEMBERS } from './demo-templates.ts';

const TEAMS = [...new Set(TEAM_MEMBERS.map((member) => member.team))].map((name) => ({
  name,
  created_at: TEAM_MEMBERS.filter((member) => member.team === name)
    .map((member) => member.joinedAt)
    .sort()[0]!,
}));

function paged(
  deps: FathomApiGuardDeps & { pageSize: number },
  rows: (params: URLSearchParams) => readonly object[],
) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const allowed = guardFathomApi(deps, req, res);
    if (!allowed) return;
    const fingerprint = queryFingerprint(url.searchParams);
    const cursor = url.searchParams.get('cursor');
    const offset = cursor ? decodeCursor(cursor, fingerprint) : 0;
    if (offset === null)
      return sendJson(
        res,
        400,
        { error: 'bad_request', message: 'The cursor is invalid.' },
        allowed.headers,
      );
    const all = rows(url.searchParams);
    const end = offset + deps.pageSize;
    sendJson(
      res,
      200,
      {
        limit: deps.pageSize,
        next_cursor: end < all.length ? encodeCursor(end, fingerprint) : null,
        items: all.slice(offset, end),
      },
      allowed.headers,
    );
  };
}

export function createFathomTeamsHandlers(deps: FathomApiGuardDeps & { pageSize: number }) {
  return {
    teams: paged(deps, () => TEAMS),
    members: paged(deps, (params) => {
      const team = params.get('team');
      return TEAM_MEMBERS.filter((member) => team === null || member.team === team).map(
        (member) => ({ name: member.name, email: member.email, created_at: member.joinedAt }),
      );
    }),
  };
}
