// The Test button's request, against the real Zoom sandbox and against servers that misbehave
// on purpose: every outcome the Settings screen reports is produced by a real exchange.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoomAuthorizationServer } from '../../../../main/core/config/zoom-server.ts';
import { probeZoomAccount } from '../../../../main/core/settings/zoom-account-probe.ts';
import { startZoomSandbox, type ZoomSandbox } from '../../../../main/sandbox/index.ts';
import { startLocalServer, type LocalServer } from '../net/local-server.ts';

let sandbox: ZoomSandbox;
const servers: LocalServer[] = [];
beforeAll(async () => {
  sandbox = await startZoomSandbox({ testMode: true });
});
afterAll(async () => {
  await sandbox.close();
  for (const server of servers) await server.close();
});

const probe = (
  issuer: string,
  client: { clientId: string; clientSecret?: string },
  deadlineMs?: number,
) =>
  probeZoomAccount({
    provider: { server: zoomAuthorizationServer(issuer), client },
    fetch,
    ...(deadlineMs !== undefined && { deadlineMs }),
  });

async function serve(handler: Parameters<typeof startLocalServer>[0]) {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server.url;
}

describe('probeZoomAccount', () => {
  it('reaches a server that knows the public client with one token request', async () => {
    const before = sandbox.counters();
    const result = await probe(sandbox.url, { clientId: sandbox.clients.public.clientId });
    expect(result).toEqual({
      outcome: 'reachable',
      endpoint: `${sandbox.url}/oauth/token`,
      status: 400,
    });
    const after = sandbox.counters();
    expect(after.requests['POST /oauth/token']).toBe(
      (before.requests['POST /oauth/token'] ?? 0) + 1,
    );
  });

  it('authenticates a confidential client with its secret, as sign-in would', async () => {
    const { clientId, clientSecret } = sandbox.clients.confidential;
    expect((await probe(sandbox.url, { clientId, clientSecret })).outcome).toBe('reachable');
    expect((await probe(sandbox.url, { clientId, clientSecret: 'wrong' })).outcome).toBe(
      'client-rejected',
    );
    // Without its secret a confidential client is refused, as Zoom refuses it.
    expect((await probe(sandbox.url, { clientId })).outcome).toBe('client-rejected');
  });

  it('reports a client ID the server does not know as client-rejected', async () => {
    expect(await probe(sandbox.url, { clientId: 'NoSuchClient' })).toMatchObject({
      outcome: 'client-rejected',
      status: 400,
    });
  });

  it('reports a 401 invalid_client (Zoom’s own answer) as client-rejected', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"reason":"Invalid client_id or client_secret","error":"invalid_client"}');
    });
    expect(await probe(url, { clientId: 'x' })).toMatchObject({
      outcome: 'client-rejected',
      status: 401,
    });
  });

  it('reports a closed port as unreachable', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server: Server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    expect(await probe(`http://127.0.0.1:${closed}`, { clientId: 'x' })).toEqual({
      outcome: 'unreachable',
      endpoint: `http://127.0.0.1:${closed}/oauth/token`,
      status: null,
    });
  });

  it('reports a server that never answers as timed out, within its deadline', async () => {
    const url = await serve(() => undefined);
    expect(await probe(url, { clientId: 'x' }, 200)).toMatchObject({
      outcome: 'timed-out',
      status: null,
    });
  });

  it.each([
    ['a web page', 200, 'text/html', '<html>hello</html>'],
    ['a 5xx', 502, 'application/json', '{"error":"bad_gateway"}'],
    ['a 404 page', 404, 'text/html', 'Not found'],
    ['JSON without an error', 400, 'application/json', '{"message":"nope"}'],
  ])('reports %s as an unexpected answer', async (_name, status, type, body) => {
    const url = await serve((_req, res) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    });
    expect(await probe(url, { clientId: 'x' })).toMatchObject({
      outcome: 'unexpected-answer',
      status,
    });
  });
});
