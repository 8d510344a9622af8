// Deterministic misbehaviour on the wire, for fault tests: a stalled or dripping endpoint, a
// body far too large, a proxy's challenge, a "temporarily unavailable". Every request to the
// chosen endpoint gets it, until setFaults changes it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Counters } from './counters.ts';
import { readBody, sendJson } from './http-io.ts';
import type { SandboxEndpoint, WireFault } from './types.ts';

const DEFAULT_DRIP_INTERVAL_MS = 100;
const OVERSIZED_CHUNK = Buffer.alloc(64 * 1024, 'x');
const PROXY_PAGE = '<html><body><h1>401 Authorization Required</h1><p>proxy</p></body></html>';

/** Which endpoint a request path belongs to, if a wire fault could apply to it. */
export function endpointOf(method: string, pathname: string): SandboxEndpoint | null {
  if (method === 'POST' && pathname === '/oauth/token') return 'token';
  if (method === 'POST' && pathname === '/oauth/revoke') return 'revoke';
  if (pathname.startsWith('/v2/')) return 'api';
  return null;
}

export async function sendWireFault(
  req: IncomingMessage,
  res: ServerResponse,
  fault: WireFault,
  deps: { counters: Counters; retryAfterSeconds: number },
): Promise<void> {
  await readBody(req).catch(() => '');
  switch (fault.kind) {
    case 'stall':
      // Nothing is ever written; the socket stays open until the client or close() ends it.
      return;
    case 'drip':
      return drip(res, fault.intervalMs ?? DEFAULT_DRIP_INTERVAL_MS);
    case 'oversized':
      return sendOversized(res, fault.bytes, fault.declareLength ?? false, deps.counters);
    case 'proxy-challenge':
      res.writeHead(401, {
        'Content-Type': 'text/html;charset=UTF-8',
        'WWW-Authenticate': 'Basic realm="proxy"',
        'Content-Length': Buffer.byteLength(PROXY_PAGE),
      });
      res.end(PROXY_PAGE);
      return;
    case 'temporarily-unavailable':
      return sendJson(
        res,
        400,
        { reason: 'The service is temporarily unavailable.', error: 'temporarily_unavailable' },
        { 'Retry-After': String(deps.retryAfterSeconds) },
      );
  }
}

/** Headers at once, then a byte of JSON whitespace per interval: a body that never completes. */
function drip(res: ServerResponse, intervalMs: number): void {
  res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8' });
  res.write('{');
  const timer = setInterval(() => res.write(' '), intervalMs);
  timer.unref();
  res.once('close', () => clearInterval(timer));
}

/** Writes `bytes` bytes only as fast as the client reads them, and stops when it hangs up. */
async function sendOversized(
  res: ServerResponse,
  bytes: number,
  declareLength: boolean,
  counters: Counters,
): Promise<void> {
  const head = Buffer.from('{"padding":"');
  const tail = Buffer.from('"}');
  const padding = Math.max(0, bytes - head.length - tail.length);
  res.writeHead(200, {
    'Content-Type': 'application/json;charset=UTF-8',
    ...(declareLength ? { 'Content-Length': String(head.length + padding + tail.length) } : {}),
  });
  let closed = false;
  res.once('close', () => {
    closed = true;
  });
  const write = async (chunk: Buffer) => {
    counters.countOversizedBytes(chunk.length);
    if (res.write(chunk) || closed) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  };
  await write(head);
  for (let left = padding; left > 0 && !closed; left -= OVERSIZED_CHUNK.length) {
    await write(
      left >= OVERSIZED_CHUNK.length ? OVERSIZED_CHUNK : OVERSIZED_CHUNK.subarray(0, left),
    );
  }
  if (!closed) res.end(tail);
}
