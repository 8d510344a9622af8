// Wires the Fathom sandbox's parts into one node:http server on 127.0.0.1, on Fathom's real
// paths (fathom-facts §4), so the app only swaps hosts: OAuth at /external/v1/oauth2/*, the API
// at /external/v1. Shares the Zoom sandbox's HTTP helpers, consent page, one-time codes, grant
// file, counters, fault dice and wire faults.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { createCounters } from '../counters.ts';
import { createFaultInjector } from '../faults.ts';
import { persistedGrants } from '../grant-file.ts';
import { listen, sendJson } from '../http-io.ts';
import { createOneTimeStore } from '../one-time-store.ts';
import { createSeededRandom } from '../random.ts';
import { sendWireFault } from '../wire-faults.ts';
import { createFathomMeetingsHandler } from './api-meetings.ts';
import { createFathomSummaryHandler, SUMMARY_PATH } from './api-summary.ts';
import { createFathomTeamsHandlers } from './api-teams.ts';
import {
  FATHOM_DEFAULT_REDIRECT_URIS,
  FATHOM_DEMO_CLIENTS,
  FATHOM_DEMO_PERSON,
} from './clients.ts';
import { createDemoLibrary } from './demo-meetings.ts';
import { createFathomGrantStore } from './grants.ts';
import {
  AUTHORIZE_PATH,
  createFathomAuthorizeHandlers,
  DECISION_PATH,
  type FathomIssuedCode,
  type FathomPendingAuthorization,
} from './oauth-authorize.ts';
import { createFathomTokenHandler, TOKEN_PATH } from './oauth-token.ts';
import { createFathomRateLimiter } from './rate-limit.ts';
import type {
  FathomSandbox,
  FathomSandboxEndpoint,
  FathomSandboxFaults,
  FathomSandboxOptions,
} from './types.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export const API_PREFIX = '/external/v1';
const CODE_TTL_MS = 60_000;
const CONSENT_TTL_MS = 10 * 60_000;

/** The endpoint a request belongs to, if faults apply to it (never the consent page). */
function endpointOf(method: string, pathname: string): FathomSandboxEndpoint | null {
  if (method === 'POST' && pathname === TOKEN_PATH) return 'token';
  if (pathname.startsWith(`${API_PREFIX}/`) && !pathname.startsWith(`${API_PREFIX}/oauth2/`))
    return 'api';
  return null;
}

export async function startFathomSandbox(
  options: FathomSandboxOptions = {},
): Promise<FathomSandbox> {
  const now = options.now ?? Date.now;
  const client = {
    ...FATHOM_DEMO_CLIENTS.oauth,
    redirectUris: options.redirectUris ?? FATHOM_DEFAULT_REDIRECT_URIS,
  };
  const apiKeys = new Map([[FATHOM_DEMO_CLIENTS.apiKey, FATHOM_DEMO_PERSON.email]]);
  const counters = createCounters();
  const grants = createFathomGrantStore({
    now,
    accessTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshGraceSeconds: options.refreshGraceSeconds ?? 0,
    ...(options.grantsFile ? persistedGrants(options.grantsFile) : {}),
  });
  const codes = createOneTimeStore<FathomIssuedCode>({ now, ttlMs: CODE_TTL_MS, idLength: 40 });
  const consents = createOneTimeStore<FathomPendingAuthorization>({
    now,
    ttlMs: CONSENT_TTL_MS,
    idLength: 32,
  });
  const rateLimit = options.rateLimit === false ? null : (options.rateLimit ?? {});
  const limiter = rateLimit
    ? createFathomRateLimiter({
        now,
        limit: rateLimit.limit ?? 60,
        windowSeconds: rateLimit.windowSeconds ?? 60,
        retryAfter: rateLimit.retryAfter ?? false,
      })
    : null;
  let faults: FathomSandboxFaults = { ...options.faults };
  const dice = createFaultInjector({
    random: options.random ?? createSeededRandom(1),
    initial: faults,
  });
  const library = createDemoLibrary({ now, recentCount: options.meetingCount ?? 8 });
  const latencyMs = options.latencyMs ?? 0;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));

  const routes = new Map<string, Handler>();
  const apiDeps = { grants, limiter, apiKeys };
  const authorize = createFathomAuthorizeHandlers({
    client,
    redirectMatch: options.redirectMatch ?? 'exact',
    pkce: options.pkce ?? 'ignore',
    deny: options.deny ?? false,
    consents,
    codes,
    person: FATHOM_DEMO_PERSON,
  });
  routes.set(`GET ${AUTHORIZE_PATH}`, authorize.show);
  routes.set(`POST ${DECISION_PATH}`, authorize.decide);
  routes.set(`POST ${TOKEN_PATH}`, createFathomTokenHandler({ client, codes, grants, counters }));
  routes.set(
    `GET ${API_PREFIX}/meetings`,
    createFathomMeetingsHandler({
      ...apiDeps,
      library,
      pageSize: options.pageSize ?? 10,
      includeSummaryForOAuth: options.includeSummaryForOAuth ?? 'ignore',
      schemaFault: () => faults.schema,
    }),
  );
  const summary = createFathomSummaryHandler({ ...apiDeps, library });
  const teams = createFathomTeamsHandlers({ ...apiDeps, pageSize: options.pageSize ?? 10 });
  routes.set(`GET ${API_PREFIX}/teams`, teams.teams);
  routes.set(`GET ${API_PREFIX}/team_members`, teams.members);

  function routeFor(method: string, pathname: string): Handler | undefined {
    const exact = routes.get(`${method} ${pathname}`);
    if (exact) return exact;
    if (method === 'GET' && SUMMARY_PATH.test(pathname)) return summary;
    return undefined;
  }

  function sendInjected(
    res: ServerResponse,
    fault: 'server_error' | 'rate_limit',
    endpoint: FathomSandboxEndpoint,
  ) {
    if (fault === 'server_error') return sendJson(res, 500, { error: 'server_error' });
    const seconds = String(dice.retryAfterSeconds());
    const headers: Record<string, string> =
      endpoint === 'api'
        ? {
            'RateLimit-Limit': String(rateLimit?.limit ?? 60),
            'RateLimit-Remaining': '0',
            'RateLimit-Reset': seconds,
          }
        : {};
    if (endpoint === 'token' || rateLimit?.retryAfter) headers['Retry-After'] = seconds;
    sendJson(res, 429, { error: 'rate_limited', message: 'Too many requests.' }, headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/__admin/')) return adminRoute(`${method} ${url.pathname}`, res);
      counters.countRequest(`${method} ${url.pathname}`);
      if (latencyMs > 0) await sleep(latencyMs);
      const endpoint = endpointOf(method, url.pathname);
      if (endpoint) {
        const wire = faults.wire?.[endpoint];
        if (wire)
          return await sendWireFault(req, res, wire, {
            counters,
            retryAfterSeconds: dice.retryAfterSeconds(),
          });
        const fault = dice.pick();
        if (fault === 'drop') return void req.socket.destroy();
        if (fault) return sendInjected(res, fault, endpoint);
      }
      const route = routeFor(method, url.pathname);
      if (route) return await route(req, res, url);
      sendJson(res, 404, { error: 'not_found' });
    } catch {
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    }
  }

  function adminRoute(key: string, res: ServerResponse): void {
    const admin: Record<string, () => unknown> = {
      'GET /__admin/counters': () => counters.snapshot(),
      'POST /__admin/disconnect': () => grants.disconnectAll(),
      'POST /__admin/expire': () => grants.expireAccessTokens(),
      'POST /__admin/reset': () => {
        counters.reset();
        limiter?.reset();
      },
    };
    const action = options.testMode ? admin[key] : undefined;
    if (!action) return sendJson(res, 404, { error: 'not_found' });
    const answer = action();
    sendJson(res, 200, answer ?? { status: 'ok' });
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  const port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    port,
    clients: {
      oauth: { ...FATHOM_DEMO_CLIENTS.oauth },
      apiKey: FATHOM_DEMO_CLIENTS.apiKey,
    },
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    setFaults(next) {
      faults = { ...next };
      dice.set(faults);
    },
    disconnect: () => grants.disconnectAll(),
    expireAccessTokens: () => grants.expireAccessTokens(),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
