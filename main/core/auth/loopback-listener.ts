import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import {
  BAD_CALLBACK_PAGE,
  CALLBACK_PAGE_CSP,
  NOT_FOUND_PAGE,
  renderCallbackPage,
  type CallbackPage,
} from './callback-page.ts';
import type { LoopbackListener } from './loopback-listener.types.ts';

export interface LoopbackListenerOptions {
  expectedState: string;
  clock: Clock;
  /** How long the server stays up after the result so the page and its repeats load. */
  lingerMs?: number;
  /** Longer request targets are refused: a real callback is a few hundred characters. */
  maxUrlLength?: number;
  startTimeoutMs?: number;
  /** 0 (an ephemeral port) except in tests that need a port collision. */
  port?: number;
  /**
   * The one port the provider accepts in its redirect URI (Fathom). Taken by another program,
   * it fails with loopback_port_busy naming the port, instead of loopback_failed.
   */
  fixedPort?: number;
  /** The callback path, default /callback. */
  path?: string;
}

const CALLBACK_PATH = '/callback';
const SINGLE_VALUED = ['state', 'code', 'error', 'error_description', 'iss'];

const MALFORMED_PAGE: CallbackPage = {
  ok: false,
  title: 'This sign-in link is malformed',
  message:
    'The address could not be read. Go back to Meeting Tray and choose Sign in again if needed.',
};

const CLOSED_PAGE: CallbackPage = {
  ok: false,
  title: 'This sign-in has ended',
  message: 'Go back to Meeting Tray and choose Sign in to start again.',
};

function send(res: ServerResponse, status: number, page: CallbackPage): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': CALLBACK_PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  res.end(renderCallbackPage(page));
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Every query component must percent-decode to valid UTF-8, and key parameters may appear once. */
function readQuery(query: string): URLSearchParams | null {
  for (const part of query.split('&')) {
    for (const piece of part.split('=')) {
      try {
        decodeURIComponent(piece.replace(/\+/g, ' '));
      } catch {
        return null;
      }
    }
  }
  const params = new URLSearchParams(query);
  if (SINGLE_VALUED.some((name) => params.getAll(name).length > 1)) return null;
  return params;
}

/**
 * The loopback redirect receiver (RFC 8252 §7.3): 127.0.0.1 only, ephemeral port, exact
 * path. Only a GET /callback with the expected state reaches the sign-in flow, and only
 * once; the browser's request is held open until the flow reports the real result.
 */
export async function createLoopbackListener(
  options: LoopbackListenerOptions,
): Promise<LoopbackListener> {
  const { expectedState, clock } = options;
  const lingerMs = options.lingerMs ?? 3000;
  const maxUrlLength = options.maxUrlLength ?? 2048;
  const callbackPath = options.path ?? CALLBACK_PATH;
  let deliver!: (url: URL) => void;
  const callback = new Promise<URL>((resolve) => {
    deliver = resolve;
  });
  let delivered = false;
  let finalPage: CallbackPage | null = null;
  const waiting: ServerResponse[] = [];
  let origin = '';

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '';
    if (req.method !== 'GET') return send(res, 404, NOT_FOUND_PAGE);
    if (target.length > maxUrlLength) return send(res, 400, MALFORMED_PAGE);
    const at = target.indexOf('?');
    const path = at === -1 ? target : target.slice(0, at);
    if (path !== callbackPath) return send(res, 404, NOT_FOUND_PAGE);
    const params = readQuery(at === -1 ? '' : target.slice(at + 1));
    if (!params) return send(res, 400, MALFORMED_PAGE);
    const state = params.get('state');
    if (state === null || !sameSecret(state, expectedState))
      return send(res, 400, BAD_CALLBACK_PAGE);
    if (finalPage) return send(res, finalPage.ok ? 200 : 400, finalPage);
    waiting.push(res);
    if (!delivered) {
      delivered = true;
      deliver(new URL(target, origin));
    }
  };

  const server = createServer({ maxHeaderSize: 16 * 1024 }, handle);
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    const timer = clock.setTimeout(
      () => fail(new Error('timed out waiting for the port')),
      options.startTimeoutMs ?? 5000,
    );
    function fail(error: Error) {
      clock.clearTimeout(timer);
      server.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (options.fixedPort !== undefined && code === 'EADDRINUSE') {
        reject(
          new AppError(
            'loopback_port_busy',
            `Another program is using port ${options.fixedPort} on this computer, which Meeting Tray needs to receive the sign-in reply. Close that program, or choose another port in Settings (and register the matching redirect URL with the provider), then try again.`,
            { cause: error },
          ),
        );
        return;
      }
      reject(
        new AppError(
          'loopback_failed',
          `Meeting Tray could not start its sign-in helper on 127.0.0.1 (${(error as NodeJS.ErrnoException).code ?? error.message}). Check that no firewall or security tool blocks local connections, then try again.`,
          { cause: error },
        ),
      );
    }
    server.once('error', fail);
    server.listen(options.fixedPort ?? options.port ?? 0, '127.0.0.1', () => {
      clock.clearTimeout(timer);
      server.off('error', fail);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  let lingerTimer: ReturnType<Clock['setTimeout']> | null = null;
  const close = () => {
    if (lingerTimer !== null) clock.clearTimeout(lingerTimer);
    closing ??= new Promise<void>((resolve) => {
      for (const res of waiting.splice(0)) send(res, 410, finalPage ?? CLOSED_PAGE);
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    redirectUri: `${origin}${callbackPath}`,
    callback,
    finish(page) {
      if (finalPage || closing) return;
      finalPage = page;
      for (const res of waiting.splice(0)) send(res, page.ok ? 200 : 400, page);
      lingerTimer = clock.setTimeout(() => void close(), lingerMs);
    },
    close,
  };
}
