// The loopback listener with a fixed port and path (Fathom accepts one exact redirect URI).
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLoopbackListener } from '../../../../main/core/auth/loopback-listener.ts';
import { AppError } from '../../../../main/core/errors.ts';
import { createFakeClock } from '../../../fakes/fake-clock.ts';
import { rawRequest } from '../../../helpers/raw-http.ts';
import { freePort } from '../fathom/fathom-auth.fixture.ts';

const STATE = 'expected-state-0123456789abcdefghijklmnopqrstu';

describe('loopback listener on a fixed port and path', () => {
  it('listens on exactly that port, answers only that path', async () => {
    const port = await freePort();
    const listener = await createLoopbackListener({
      expectedState: STATE,
      clock: createFakeClock(),
      fixedPort: port,
      path: '/fathom/callback',
    });
    try {
      expect(listener.redirectUri).toBe(`http://127.0.0.1:${port}/fathom/callback`);
      const base = `http://127.0.0.1:${port}`;
      expect((await rawRequest(`${base}/callback?state=${STATE}&code=c`)).status).toBe(404);
      const page = rawRequest(`${base}/fathom/callback?state=${STATE}&code=c`);
      const delivered = await listener.callback;
      expect(delivered.pathname).toBe('/fathom/callback');
      expect(delivered.searchParams.get('code')).toBe('c');
      listener.finish({ ok: true, title: 'Signed in', message: 'ok' });
      expect((await page).status).toBe(200);
    } finally {
      await listener.close();
    }
  });

  it('a taken fixed port → loopback_port_busy naming the port; an ephemeral-port failure stays loopback_failed', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const busy = await createLoopbackListener({
        expectedState: STATE,
        clock: createFakeClock(),
        fixedPort: port,
      }).catch((e: unknown) => e);
      expect(busy).toBeInstanceOf(AppError);
      expect((busy as AppError).code).toBe('loopback_port_busy');
      expect((busy as AppError).message).toContain(`port ${port}`);
      expect((busy as AppError).message).toContain('Settings');
      const failed = await createLoopbackListener({
        expectedState: STATE,
        clock: createFakeClock(),
        port,
      }).catch((e: unknown) => e);
      expect((failed as AppError).code).toBe('loopback_failed');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
