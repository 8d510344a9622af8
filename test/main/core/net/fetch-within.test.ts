import { afterEach, describe, expect, it } from 'vitest';
import { fetchWithin } from '../../../../main/core/net/fetch-within.ts';
import { WireError } from '../../../../main/core/net/wire-error.ts';
import type { Fetch } from '../../../../main/core/ports.ts';
import { startLocalServer, type LocalServer } from './local-server.ts';

// Deadlines here are short real ones: they guard real sockets, which a fake clock cannot drive.
// Nothing measures how long a call took; a broken deadline shows up as a test that never ends.
const DEADLINE_MS = 300;
const MB = 1024 * 1024;

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function wireFailure(promise: Promise<unknown>): Promise<WireError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WireError);
  return error as WireError;
}

const limits = { deadlineMs: DEADLINE_MS, maxBytes: 64 * 1024 };

describe('fetchWithin', () => {
  it('reads a whole answer of any status, with its headers', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '7' });
      res.end('Service Unavailable');
    });
    const reply = await fetchWithin(fetch, server.url, {}, limits);
    expect(reply).toMatchObject({ status: 503, text: 'Service Unavailable' });
    expect(reply.headers.get('retry-after')).toBe('7');
  });

  it('gives up on a server that never sends headers: timeout', async () => {
    server = await startLocalServer(() => undefined);
    const error = await wireFailure(fetchWithin(fetch, server.url, {}, limits));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(`${DEADLINE_MS} ms`);
  });

  it('gives up on a body that drips forever: the deadline covers the body too', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const timer = setInterval(() => res.write(' '), 20);
      res.once('close', () => clearInterval(timer));
    });
    expect((await wireFailure(fetchWithin(fetch, server.url, {}, limits))).kind).toBe('timeout');
  });

  it('gives up even when the fetch implementation ignores its signal', async () => {
    const deaf: Fetch = () => new Promise<Response>(() => undefined);
    const error = await wireFailure(fetchWithin(deaf, 'https://zoom.example/x', {}, limits));
    expect(error.kind).toBe('timeout');
  });

  it("stops at once on the caller's signal and carries its reason: aborted", async () => {
    let arrived: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    server = await startLocalServer(() => arrived());
    const caller = new AbortController();
    const call = fetchWithin(
      fetch,
      server.url,
      {},
      { ...limits, deadlineMs: 60_000, signal: caller.signal },
    );
    await requestArrived;
    const reason = new Error('signing out');
    caller.abort(reason);
    const error = await wireFailure(call);
    expect(error.kind).toBe('aborted');
    expect(error.cause).toBe(reason);
  });

  it('sends nothing for a signal that is already aborted', async () => {
    let requests = 0;
    server = await startLocalServer((_req, res) => {
      requests += 1;
      res.end('{}');
    });
    const error = await wireFailure(
      fetchWithin(fetch, server.url, {}, { ...limits, signal: AbortSignal.abort() }),
    );
    expect(error.kind).toBe('aborted');
    expect(requests).toBe(0);
  });

  it('reports a refused connection as network', async () => {
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    expect((await wireFailure(fetchWithin(fetch, closed.url, {}, limits))).kind).toBe('network');
  });

  it('reads a body of exactly the limit, and refuses one byte more', async () => {
    server = await startLocalServer((req, res, io) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      void io.streamBytes(req.url === '/over' ? limits.maxBytes + 1 : limits.maxBytes);
    });
    const reply = await fetchWithin(fetch, server.url, {}, limits);
    expect(reply.text).toHaveLength(limits.maxBytes);
    const error = await wireFailure(fetchWithin(fetch, `${server.url}/over`, {}, limits));
    expect(error.kind).toBe('too_large');
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const declared = 200 * MB;
    server = await startLocalServer((_req, res, io) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(declared),
      });
      void io.streamBytes(declared);
    });
    const error = await wireFailure(fetchWithin(fetch, server.url, {}, limits));
    expect(error.kind).toBe('too_large');
    // The reader hung up: the server could not push more than the socket buffers held.
    await expect.poll(() => server?.bytesWritten()).toBeGreaterThan(0);
    expect(server.bytesWritten()).toBeLessThan(32 * MB);
  });

  it('refuses a 200 MB chunked body as it streams, without buffering it', async () => {
    const body = 200 * MB;
    server = await startLocalServer((_req, res, io) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      void io.streamBytes(body);
    });
    const rssBefore = process.memoryUsage().rss;

    const error = await wireFailure(
      fetchWithin(fetch, server.url, {}, { deadlineMs: 30_000, maxBytes: 8 * MB }),
    );

    expect(error.kind).toBe('too_large');
    expect(error.message).toContain(String(8 * MB));
    expect(server.bytesWritten()).toBeLessThan(40 * MB);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * MB);
  });
});
