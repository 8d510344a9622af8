// What every /v2 request passes before it gets data: Bearer token (never in the query),
// not expired, the right scope, then the per-second bucket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_ERRORS, missingScope } from './api-errors.ts';
import type { Grant, GrantStore } from './grants.ts';
import { sendJson } from './http-io.ts';
import type { RateCategory, RateLimiter } from './rate-limit.ts';

export interface ApiGuardDeps {
  grants: GrantStore;
  limiter: RateLimiter;
}

export interface ApiRoute {
  category: RateCategory;
  scope: string;
}

/** The grant and headers to send on success; null when an error has already been sent. */
export function guardApiRequest(
  deps: ApiGuardDeps,
  route: ApiRoute,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): { grant: Grant; headers: Record<string, string> } | null {
  if (url.searchParams.has('access_token')) {
    sendJson(res, 401, API_ERRORS.tokenInQuery);
    return null;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  const lookup = deps.grants.lookupAccessToken(match?.[1] ?? '');
  if (lookup.status !== 'valid') {
    sendJson(
      res,
      401,
      lookup.status === 'expired' ? API_ERRORS.expiredToken : API_ERRORS.invalidToken,
    );
    return null;
  }
  if (!lookup.grant.scopes.includes(route.scope)) {
    sendJson(res, 400, missingScope(route.scope));
    return null;
  }
  const rate = deps.limiter.take(route.category);
  if (!rate.allowed) {
    sendJson(
      res,
      429,
      rate.limit === 'daily' ? API_ERRORS.dailyLimit : API_ERRORS.perSecondLimit,
      rate.headers,
    );
    return null;
  }
  return { grant: lookup.grant, headers: rate.headers };
}
