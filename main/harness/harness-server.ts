/**
 * The browser harness's HTTP server: serves the built renderer plus the web preload, and routes
 * /api/invoke (HTTP) and /api/events (server-sent events) to the IPC routes that
 * harness-ipc-transport.ts binds to the one IPC server.
 * It binds 127.0.0.1 only and every request must carry the per-run token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../preload/shared/content-security-policy.ts';

/** What the IPC routes call. harness-ipc-transport.ts provides them over the IPC server. */
export interface HarnessIpcRoutes {
  /** POST /api/invoke/<channel>: the request's Origin header and its parsed JSON body. */
  invoke(channel: string, origin: string, args: unknown): Promise<unknown>;
  /** GET /api/events: called once per stream with its writer; returns the stream's clean-up. */
  openStream(push: (event: string, data: unknown) => void): () => void;
}

export interface HarnessServerOptions {
  /** dist/renderer */
  rendererDir: string;
  /** dist/web-preload/web-preload.js */
  webPreloadFile: string;
  port?: number;
  token?: string;
  /**
   * Test mode only (`MEETING_TRAY_E2E=1`): `/__test/<name>` answers with `testRoutes[name]` of
   * the request's JSON body (null for a GET), behind the same token. Absent: no such routes.
   */
  testRoutes?: Readonly<Record<string, (body: unknown) => unknown>>;
}

export interface HarnessServer {
  /** What a person opens: the origin plus the token. */
  url: string;
  origin: string;
  port: number;
  /** The harness's browser opener: asks the page to open a new tab (a popup to Playwright). */
  openInPage(url: string): Promise<void>;
  /** The harness's clipboard: the page writes the text with its own clipboard API. */
  copyInPage(text: string): void;
  /** Answers the IPC routes (503 until then); returns a function that stops answering them. */
  serveIpc(routes: HarnessIpcRoutes): () => void;
  close(): Promise<void>;
}
const MAX_BODY_BYTES = 64 * 1024;
const COOKIE = 'mt_harness';
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
};

export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  /** Each open event stream, with the clean-up of its IPC subscription. */
  const streams = new Map<ServerResponse, () => void>();
  let origin = '';
  let ipc: HarnessIpcRoutes | null = null;

  const tokenMatches = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const cookieToken = (req: IncomingMessage) =>
    (req.headers.cookie ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .find(([name]) => name === COOKIE)?.[1];

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    type = 'text/plain; charset=utf-8',
  ) => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
      'referrer-policy': 'no-referrer',
    });
    res.end(body);
  };

  const eventFrame = (event: string, data: unknown) =>
    `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  const pushEvent = (event: string, data: unknown) => {
    for (const stream of streams.keys()) stream.write(eventFrame(event, data));
  };

  async function serveStatic(res: ServerResponse, pathname: string, setCookie: boolean) {
    if (pathname === '/web-preload.js') {
      send(res, 200, await readFile(options.webPreloadFile), CONTENT_TYPES['.js']);
      return;
    }
    const relative =
      pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(options.rendererDir + sep)) return send(res, 404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, 'Not found');
    }
    if (relative === 'index.html') {
      // The web preload must run before the app's module script, as Electron's preload does.
      body = Buffer.from(
        body
          .toString('utf8')
          .replace('<head>', '<head>\n    <script src="./web-preload.js"></script>'),
      );
      if (setCookie)
        res.setHeader('set-cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    send(res, 200, body, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  }

  async function readJsonBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new Error('body too large');
      chunks.push(chunk as Buffer);
    }
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '[]');
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const queryToken = url.searchParams.get('token');
    const authorised =
      tokenMatches(queryToken) ||
      tokenMatches(req.headers['x-harness-token'] as string | undefined) ||
      tokenMatches(cookieToken(req));
    if (!authorised) return send(res, 403, 'This harness needs the token printed when it started.');

    const routes = ipc;
    const isApi = url.pathname === '/api/events' || url.pathname.startsWith('/api/invoke/');
    if (isApi && !routes) return send(res, 503, 'The harness is still starting.');
    if (routes && url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      streams.set(
        res,
        routes.openStream((event, data) => res.write(eventFrame(event, data))),
      );
      req.on('close', () => {
        streams.get(res)?.();
        streams.delete(res);
      });
      return;
    }
    if (routes && url.pathname.startsWith('/api/invoke/') && req.method === 'POST') {
      let args: unknown;
      try {
        args = await readJsonBody(req);
      } catch {
        return send(res, 400, 'Bad request');
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      const result = await routes.invoke(channel, req.headers.origin ?? '', args);
      return send(res, 200, JSON.stringify(result ?? null), 'application/json');
    }
    const testRoute = url.pathname.startsWith('/__test/')
      ? options.testRoutes?.[url.pathname.slice('/__test/'.length)]
      : undefined;
    if (testRoute) {
      let body: unknown = null;
      try {
        if (req.method === 'POST') body = await readJsonBody(req);
      } catch {
        return send(res, 400, 'Bad request');
      }
      return send(res, 200, JSON.stringify((await testRoute(body)) ?? null), 'application/json');
    }
    if (req.method === 'GET') return serveStatic(res, url.pathname, queryToken !== null);
    return send(res, 405, 'Method not allowed');
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    async openInPage(target) {
      pushEvent('harness:open-url', target);
    },
    copyInPage(text) {
      pushEvent('harness:copy-text', text);
    },
    serveIpc(routes) {
      ipc = routes;
      return () => {
        if (ipc === routes) ipc = null;
      };
    },
    async close() {
      for (const [stream, stop] of streams) {
        stop();
        stream.end();
      }
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
