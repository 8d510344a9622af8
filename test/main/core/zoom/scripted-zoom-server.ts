import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The full request target, to prove no token ever travels in a URL. */
  target: string;
  authorization: string | null;
}

export interface ScriptedReply {
  status?: number;
  /** Serialized with JSON.stringify unless `raw` is given. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export type ScriptedHandler = (request: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;

export interface ScriptedZoomServer {
  /** e.g. http://127.0.0.1:1234/v2 — what an AccessGrant carries. */
  apiBaseUrl: string;
  requests: RecordedRequest[];
  setHandler(handler: ScriptedHandler): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 whose answers each test scripts. Paths are given without /v2. */
export async function startScriptedZoomServer(
  handler: ScriptedHandler,
): Promise<ScriptedZoomServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.replace(/^\/v2/, ''),
      query: Object.fromEntries(url.searchParams),
      target: req.url ?? '',
      authorization: req.headers.authorization ?? null,
    };
    requests.push(recorded);
    void Promise.resolve(current(recorded)).then((reply) => {
      const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiBaseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    setHandler(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const adaProfileBody = {
  id: 'KdYy7pTRRayJ9EfQqMo2gA',
  first_name: 'Ada',
  last_name: 'Okafor',
  display_name: 'Ada Okafor',
  email: 'ada.okafor@example.com',
  type: 2,
  timezone: 'Europe/Berlin',
  pic_url: 'https://us05web.zoom.us/p/v2/sandbox-avatar.png',
  status: 'active',
};

export function meetingBody(
  id: number | string,
  startTime: string | null,
  extra: Record<string, unknown> = {},
) {
  return {
    uuid: `uuid-${id}`,
    id,
    host_id: 'KdYy7pTRRayJ9EfQqMo2gA',
    topic: `Meeting ${id}`,
    type: startTime === null ? 3 : 2,
    ...(startTime === null ? {} : { start_time: startTime }),
    duration: 30,
    timezone: 'Europe/Berlin',
    join_url: `https://us05web.zoom.us/j/${id}?pwd=abc`,
    ...extra,
  };
}

/**
 * A small Zoom: accepts only the bearer token `isValidToken` approves, serves a profile and
 * a paginated upcoming-meetings list.
 */
export function zoomLikeHandler(options: {
  isValidToken: (token: string) => boolean;
  profile?: Record<string, unknown>;
  meetings?: () => unknown[];
  pageSize?: number;
}): ScriptedHandler {
  return (request) => {
    const token = request.authorization?.replace(/^Bearer /, '') ?? '';
    if (!options.isValidToken(token)) {
      return { status: 401, body: { code: 124, message: 'Invalid access token.' } };
    }
    if (request.path === '/users/me') return { body: options.profile ?? adaProfileBody };
    if (request.path === '/users/me/meetings') {
      const all = options.meetings?.() ?? [];
      const size = options.pageSize ?? 300;
      const start = Number(request.query['next_page_token'] || '0');
      const next = start + size < all.length ? String(start + size) : '';
      return {
        body: {
          page_size: size,
          total_records: all.length,
          next_page_token: next,
          meetings: all.slice(start, start + size),
        },
      };
    }
    return { status: 404, body: { code: 1001, message: 'Not found.' } };
  };
}
