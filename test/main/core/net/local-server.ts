import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  url: string;
  /** Body bytes handed to the socket by `streamBytes`, to prove a reader stopped early. */
  bytesWritten(): number;
  close(): Promise<void>;
}

export type LocalHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  server: { streamBytes(total: number): Promise<void> },
) => void;

/** A real HTTP server on 127.0.0.1 whose every answer the test writes by hand. */
export async function startLocalServer(handler: LocalHandler): Promise<LocalServer> {
  let written = 0;
  const server = createServer((req, res) => {
    handler(req, res, {
      // Writes `total` bytes of JSON-safe filler only as fast as the client reads them.
      async streamBytes(total) {
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let closed = false;
        res.once('close', () => (closed = true));
        for (let left = total; left > 0 && !closed; left -= chunk.length) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          written += piece.length;
          if (!res.write(piece)) {
            await new Promise<void>((resolve) => {
              const done = () => {
                res.off('drain', done);
                res.off('close', done);
                resolve();
              };
              res.on('drain', done);
              res.on('close', done);
            });
          }
        }
        if (!closed) res.end();
      },
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytesWritten: () => written,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
