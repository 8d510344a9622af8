// Wires the sandbox's parts into one node:http server on 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { API_ERRORS } from './api-errors.ts';
import { createMeetingsHandler } from './api-meetings.ts';
import { createUsersMeHandler } from './api-users.ts';
import {
  createClientRegistry,
  DEFAULT_REDIRECT_URIS,
  DEFAULT_SCOPES,
  DEMO_CLIENTS,
} from './clients.ts';
import { createCounters } from './counters.ts';
import { createMeetingCalendar } from './demo-meetings.ts';
import { DEMO_USER } from './demo-user.ts';
import { createFaultInjector, type Fault } from './faults.ts';
import { persistedGrants } from './grant-file.ts';
import { createGrantStore } from './grants.ts';
import { listen, sendJson } from './http-io.ts';
import {
  createAuthorizeHandlers,
  type IssuedCode,
  type PendingAuthorization,
} from './oauth-authorize.ts';
import { createRevokeHandler } from './oauth-revoke.ts';
import { createTokenHandler } from './oauth-token.ts';
import { createOneTimeStore } from './one-time-store.ts';
import { createPageTokens } from './page-tokens.ts';
import { createSeededRandom } from './random.ts';
import { createRateLimiter, rateLimitHeaders } from './rate-limit.ts';
import type { ZoomSandbox, ZoomSandboxOptions } from './types.ts';
import { authorizationServerMetadata } from './well-known.ts';
import { endpointOf, sendWireFault } from './wire-faults.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const CODE_TTL_MS = 5 * 60_000;
const CONSENT_TTL_MS = 10 * 60_000;
const DEFAULT_REFRESH_TTL_SECONDS = 90 * 24 * 3600;

/** Only the endpoints a client retries get injected faults; the consent page stays usable. */
function faultable(pathname: string): boolean {
  return pathname === '/oauth/token' || pathname === '/oauth/revoke' || pathname.startsWith('/v2/');
}

function sendFault(
  res: ServerResponse,
  fault: Exclude<Fault, 'drop'>,
  pathname: string,
  retryAfter: number,
): void {
  const api = pathname.startsWith('/v2/');
  if (fault === 'server_error') {
    return sendJson(
      res,
      500,
      api
        ? API_ERRORS.serverError
        : { reason: 'Internal server error. Please try again later.', error: 'server_error' },
    );
  }
  const headers: Record<string, string> = { 'Retry-After': String(retryAfter) };
  if (api)
    Object.assign(
      headers,
      rateLimitHeaders(pathname.endsWith('/meetings') ? 'Medium' : 'Light', 0),
    );
  sendJson(
    res,
    429,
    api
      ? API_ERRORS.perSecondLimit
      : { reason: 'Too many requests. Try again later.', error: 'rate_limited' },
    headers,
  );
}

export async function startZoomSandbox(options: ZoomSandboxOptions = {}): Promise<ZoomSandbox> {
  const wallClock = options.now ?? Date.now;
  const now = () => wallClock() + (options.clockOffsetMs ?? 0);
  const clients = createClientRegistry({
    redirectUris: options.redirectUris ?? DEFAULT_REDIRECT_URIS,
    scopes: {
      confidential: options.clientScopes?.confidential ?? DEFAULT_SCOPES,
      public: options.clientScopes?.public ?? DEFAULT_SCOPES,
    },
  });
  const counters = createCounters();
  const grants = createGrantStore({
    now,
    accessTtlSeconds: options.accessTokenTtlSeconds ?? 3599,
    refreshTtlSeconds: options.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TTL_SECONDS,
    ...(options.grantsFile ? persistedGrants(options.grantsFile) : {}),
  });
  const codes = createOneTimeStore<IssuedCode>({ now, ttlMs: CODE_TTL_MS, idLength: 32 });
  const consents = createOneTimeStore<PendingAuthorization>({
    now,
    ttlMs: CONSENT_TTL_MS,
    idLength: 32,
  });
  const limiter = createRateLimiter({
    now,
    enabled: options.rateLimits ?? true,
    daily: options.dailyLimits,
  });
  const faults = createFaultInjector({
    random: options.random ?? createSeededRandom(1),
    initial: options.faults,
  });
  const calendar = createMeetingCalendar({ now, count: options.meetingCount ?? 12 });
  const pageTokens = createPageTokens({ now });
  const latencyMs = options.latencyMs ?? 0;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));

  const routes = new Map<string, Handler>();
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const key = `${req.method ?? 'GET'} ${url.pathname}`;
      if (url.pathname.startsWith('/__sandbox/')) return controlRoute(key, res);
      counters.countRequest(key);
      if (latencyMs > 0) await sleep(latencyMs);
      const endpoint = endpointOf(req.method ?? 'GET', url.pathname);
      const wireFault = endpoint ? faults.current().wire?.[endpoint] : undefined;
      if (wireFault)
        return await sendWireFault(req, res, wireFault, {
          counters,
          retryAfterSeconds: faults.retryAfterSeconds(),
        });
      const fault = faultable(url.pathname) ? faults.pick() : null;
      if (fault === 'drop') return void req.socket.destroy();
      if (fault) return sendFault(res, fault, url.pathname, faults.retryAfterSeconds());
      const route = routes.get(key);
      if (route) return await route(req, res, url);
      sendJson(
        res,
        404,
        url.pathname.startsWith('/v2/') ? API_ERRORS.notFound : { error: 'not_found' },
      );
    } catch {
      if (!res.headersSent) sendJson(res, 500, API_ERRORS.serverError);
      else res.destroy();
    }
  }

  function controlRoute(key: string, res: ServerResponse): void {
    if (options.testMode && key === 'GET /__sandbox/counters')
      return sendJson(res, 200, counters.snapshot());
    if (options.testMode && key === 'POST /__sandbox/reset') {
      counters.reset();
      limiter.reset();
      return sendJson(res, 200, { status: 'success' });
    }
    sendJson(res, 404, { error: 'not_found' });
  }

  const port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  const authorize = createAuthorizeHandlers({ clients, consents, codes, user: DEMO_USER });
  routes.set('GET /oauth/authorize', authorize.show);
  routes.set('POST /oauth/authorize/decision', authorize.decide);
  routes.set(
    'POST /oauth/token',
    createTokenHandler({
      clients,
      codes,
      grants,
      counters,
      apiUrl: url,
      answerFault: () => faults.current().tokenAnswer,
    }),
  );
  routes.set('POST /oauth/revoke', createRevokeHandler({ clients, grants }));
  routes.set('GET /v2/users/me', createUsersMeHandler({ grants, limiter, user: DEMO_USER }));
  routes.set(
    'GET /v2/users/me/meetings',
    createMeetingsHandler({
      grants,
      limiter,
      now,
      calendar,
      pageTokens,
      repeatPageToken: () => faults.current().repeatPageToken === true,
    }),
  );
  routes.set('GET /.well-known/oauth-authorization-server', async (_req, res) =>
    sendJson(res, 200, authorizationServerMetadata(url)),
  );

  let closing: Promise<void> | undefined;
  const stopListening = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return {
    url,
    apiBaseUrl: `${url}/v2`,
    port,
    clients: structuredClone(DEMO_CLIENTS),
    counters: () => counters.snapshot(),
    resetCounters: () => counters.reset(),
    setFaults: (next) => faults.set(next),
    // An outage, not a reset: grants and codes survive, as they would at Zoom.
    pause: () => stopListening(),
    async resume() {
      await listen(server, port);
    },
    close() {
      closing ??= server.listening ? stopListening() : Promise.resolve();
      return closing;
    },
  };
}
