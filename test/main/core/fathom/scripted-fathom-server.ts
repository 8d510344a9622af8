// A small Fathom stand-in on 127.0.0.1 for the client's tests, until the sandbox helper's
// main/sandbox/fathom lands: OAuth authorize + token (confidential client, rotating refresh
// tokens, no revoke endpoint) and the two API paths, answering the shapes of reference §2.4.
// Each API answer can be scripted per test; the default serves `meetings` in pages.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The whole request target, to prove no secret travels in a URL. */
  target: string;
  authorization: string | null;
  apiKey: string | null;
  /** The credential that was live when it arrived (a bearer token or the API key). */
  authorized: boolean;
}

export interface RecordedTokenRequest {
  form: URLSearchParams;
  authorization: string | null;
}

export interface ScriptedReply {
  status?: number;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
  /** Never answer (the socket stays open until the server closes). */
  stall?: boolean;
}

/** null: answer as the default would. */
export type ApiScript = (request: RecordedApiRequest) => ScriptedReply | null;

export const CLIENT_ID = 'fathom-client-id';
export const CLIENT_SECRET = 'fathom-client-secret-value';
export const API_KEY = 'fathom-api-key-value';

/** A meeting as Fathom sends it (reference §2.5), varied by `id`. */
export function meetingJson(id: number, overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.UTC(2026, 10, 24, 9, 0, 0) + id * 3_600_000);
  const at = (ms: number) => new Date(start.getTime() + ms).toISOString();
  return {
    title: `Meeting ${id}`,
    meeting_title: `Calendar ${id}`,
    recording_id: id,
    url: `https://fathom.video/calls/${id}`,
    share_url: `https://fathom.video/share/s${id}`,
    created_at: at(31 * 60_000),
    scheduled_start_time: at(0),
    scheduled_end_time: at(30 * 60_000),
    recording_start_time: at(60_000),
    recording_end_time: at(29 * 60_000),
    calendar_invitees_domains_type: 'one_or_more_external',
    transcript_language: 'en',
    action_items: [
      {
        description: `Follow up on ${id}`,
        user_generated: false,
        completed: id % 2 === 0,
        recording_timestamp: '00:21:14',
        recording_playback_url: `https://fathom.video/calls/${id}?timestamp=1274`,
        assignee: { name: 'Dana Park', email: 'dana@acme.com', team: 'Sales' },
      },
    ],
    calendar_invitees: [
      { name: 'Dana Park', email: 'dana@acme.com', email_domain: 'acme.com', is_external: false },
    ],
    recorded_by: {
      name: 'Dana Park',
      email: 'dana@acme.com',
      email_domain: 'acme.com',
      team: 'Sales',
    },
    ...overrides,
  };
}

export async function startScriptedFathomServer(
  options: { pageSize?: number; meetingCount?: number; expiresIn?: number } = {},
) {
  const pageSize = options.pageSize ?? 2;
  const meetings = Array.from({ length: options.meetingCount ?? 5 }, (_, i) => meetingJson(i + 1));
  const apiRequests: RecordedApiRequest[] = [];
  const tokenRequests: RecordedTokenRequest[] = [];
  const otherRequests: string[] = [];
  const codes = new Map<string, string>(); // code → redirect_uri
  const liveAccessTokens = new Set<string>();
  let liveRefreshToken: string | null = null;
  let script: ApiScript = () => null;
  let serial = 0;

  const send = (res: ServerResponse, reply: ScriptedReply) => {
    if (reply.stall) return;
    const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(text);
  };

  const issueTokens = () => {
    serial += 1;
    const accessToken = `fat-${serial}-${randomUUID()}`;
    const refreshToken = `frt-${serial}-${randomUUID()}`;
    liveAccessTokens.add(accessToken);
    liveRefreshToken = refreshToken; // rotation: the previous refresh token dies now
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: options.expiresIn ?? 3600,
      refresh_token: refreshToken,
      scope: 'public_api',
    };
  };

  function token(form: URLSearchParams): ScriptedReply {
    if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET)
      return { status: 401, body: { error: 'invalid_client' } };
    if (form.get('grant_type') === 'authorization_code') {
      const code = form.get('code') ?? '';
      const redirectUri = codes.get(code);
      codes.delete(code);
      if (redirectUri === undefined || redirectUri !== form.get('redirect_uri'))
        return { status: 400, body: { error: 'invalid_grant' } };
      return { body: issueTokens() };
    }
    if (form.get('grant_type') === 'refresh_token') {
      if (liveRefreshToken === null || form.get('refresh_token') !== liveRefreshToken)
        return { status: 400, body: { error: 'invalid_grant' } };
      return { body: issueTokens() };
    }
    return { status: 400, body: { error: 'unsupported_grant_type' } };
  }

  function defaultApi(request: RecordedApiRequest): ScriptedReply {
    if (!request.authorized) return { status: 401, body: { message: 'Unauthorized' } };
    if (request.path === '/external/v1/meetings') {
      const page = Number(request.query.get('cursor')?.replace('page-', '') ?? '1');
      const items = meetings.slice((page - 1) * pageSize, page * pageSize);
      const more = page * pageSize < meetings.length;
      const withActions = request.query.get('include_action_items') === 'true';
      return {
        body: {
          limit: pageSize,
          next_cursor: more ? `page-${page + 1}` : null,
          items: withActions ? items : items.map(({ action_items: _, ...rest }) => rest),
        },
      };
    }
    const summary = /^\/external\/v1\/recordings\/(\d+)\/summary$/.exec(request.path);
    if (summary) {
      const id = Number(summary[1]);
      if (!meetings.some((m) => m.recording_id === id)) return { status: 404, body: {} };
      return {
        body: {
          summary: { template_name: 'General', markdown_formatted: `## Meeting ${id}\n- point` },
        },
      };
    }
    return { status: 404, body: {} };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/external/v1/oauth2/authorize') {
      // The consent page, approved at once: back to redirect_uri with a one-time code.
      const code = randomUUID();
      const redirectUri = url.searchParams.get('redirect_uri') ?? '';
      codes.set(code, redirectUri);
      const target = new URL(redirectUri);
      target.searchParams.set('code', code);
      target.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: target.href });
      res.end();
      return;
    }
    if (url.pathname === '/external/v1/oauth2/token' && req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        tokenRequests.push({ form, authorization: req.headers.authorization ?? null });
        send(res, token(form));
      });
      return;
    }
    if (!url.pathname.startsWith('/external/v1/') || url.pathname.includes('/oauth2/')) {
      otherRequests.push(`${req.method} ${url.pathname}`);
      send(res, { status: 404, body: {} });
      return;
    }
    const authorization = req.headers.authorization ?? null;
    const apiKey = (req.headers['x-api-key'] as string | undefined) ?? null;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
    const recorded: RecordedApiRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      target: req.url ?? '',
      authorization,
      apiKey,
      authorized: (bearer !== null && liveAccessTokens.has(bearer)) || apiKey === API_KEY,
    };
    apiRequests.push(recorded);
    send(res, script(recorded) ?? defaultApi(recorded));
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiBaseUrl: `${url}/external/v1`,
    port,
    meetings,
    apiRequests,
    tokenRequests,
    /** Requests to any path this server does not serve (e.g. a revoke attempt). */
    otherRequests,
    grants: (type: string) => tokenRequests.filter((r) => r.form.get('grant_type') === type).length,
    currentRefreshToken: () => liveRefreshToken,
    /** As if the person removed the app in Fathom: every token dies. */
    disconnect() {
      liveAccessTokens.clear();
      liveRefreshToken = null;
    },
    /** Access tokens stop working; the refresh token still does. */
    expireAccessTokens() {
      liveAccessTokens.clear();
    },
    setScript(next: ApiScript) {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ScriptedFathomServer = Awaited<ReturnType<typeof startScriptedFathomServer>>;
