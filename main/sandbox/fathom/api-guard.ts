// What every /external/v1 API request passes before it gets data: a live OAuth access token
// (Authorization: Bearer) or the personal API key (X-Api-Key), then the per-account window.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http-io.ts';
import type { FathomGrantStore } from './grants.ts';
import type { FathomRateLimiter } from './rate-limit.ts';

export type ApiCaller = { kind: 'oauth'; account: string } | { kind: 'api-key'; account: string };

export interface FathomApiGuardDeps {
  grants: FathomGrantStore;
  /** null: no limit. */
  limiter: FathomRateLimiter | null;
  apiKeys: ReadonlyMap<string, string>;
}

const UNAUTHORIZED = { error: 'unauthorized', message: 'Missing or invalid credentials.' };
const RATE_LIMITED = {
  error: 'rate_limited',
  message: 'Too many requests. See the RateLimit-Reset header for when to try again.',
};

function callerOf(deps: FathomApiGuardDeps, req: IncomingMessage): ApiCaller | null {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? '';
    const lookup = deps.grants.lookupAccessToken(token);
    return lookup.status === 'valid' ? { kind: 'oauth', account: lookup.grant.userId } : null;
  }
  const key = req.headers['x-api-key'];
  const account = typeof key === 'string' ? deps.apiKeys.get(key) : undefined;
  return account === undefined ? null : { kind: 'api-key', account };
}

/** The caller and the RateLimit headers to send; null when a 401/429 has already been sent. */
export function guardFathomApi(
  deps: FathomApiGuardDeps,
  req: IncomingMessage,
  res: ServerResponse,
): { caller: ApiCaller; headers: Record<string, string> } | null {
  const caller = callerOf(deps, req);
  if (!caller) {
    sendJson(res, 401, UNAUTHORIZED);
    return null;
  }
  if (!deps.limiter) return { caller, headers: {} };
  const rate = deps.limiter.take(caller.account);
  if (!rate.allowed) {
    sendJson(res, 429, RATE_LIMITED, rate.headers);
    return null;
  }
  return { caller, headers: rate.headers };
}
