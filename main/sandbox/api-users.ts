// GET /v2/users/me (Light, scope user:read:user).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guardApiRequest, type ApiGuardDeps } from './api-guard.ts';
import { sendJson } from './http-io.ts';

export function createUsersMeHandler(deps: ApiGuardDeps & { user: object }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const allowed = guardApiRequest(
      deps,
      { category: 'Light', scope: 'user:read:user' },
      req,
      res,
      url,
    );
    if (allowed) sendJson(res, 200, deps.user, allowed.headers);
  };
}
