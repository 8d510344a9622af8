// Issue 10, items 1, 6, 7, 8 on the token endpoint: the app's OAuth client against the Zoom
// sandbox over real sockets, with the sandbox misbehaving on purpose.
//
// Deadlines are short real ones (fake time cannot drive a socket). Nothing here measures how
// long a call took: a deadline that does not work leaves the test hanging until Vitest fails it.
import { afterEach, describe, expect, it } from 'vitest';
import { TokenRequestError } from '../../../main/core/auth/token-failure.ts';
import type { ZoomSandbox } from '../../../main/sandbox/index.ts';
import { MB, rejectionOf, signedInToSandbox } from './wire-kit.ts';

const DEADLINE_MS = 400;

let sandbox: ZoomSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function tokenFailure(promise: Promise<unknown>): Promise<TokenRequestError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(TokenRequestError);
  return error as TokenRequestError;
}

describe('a token endpoint that never finishes answering', () => {
  it.each([
    ['stalls before its headers', { kind: 'stall' } as const],
    ['drips its body a byte at a time', { kind: 'drip', intervalMs: 20 } as const],
  ])(
    'that %s: the refresh gives up at its deadline, typed, and the session survives',
    async (_name, fault) => {
      const session = await signedInToSandbox({ client: { tokenDeadlineMs: DEADLINE_MS } });
      sandbox = session.sandbox;
      sandbox.setFaults({ wire: { token: fault } });

      const error = await tokenFailure(session.client.refresh(session.tokens.refreshToken));

      expect(error).toMatchObject({ code: 'timeout', transient: true });
      sandbox.setFaults({});
      const renewed = await session.client.refresh(session.tokens.refreshToken);
      expect(renewed.refreshToken).not.toBe(session.tokens.refreshToken);
    },
  );

  it.each([
    ['stalls', { kind: 'stall' } as const],
    ['drips', { kind: 'drip', intervalMs: 20 } as const],
  ])(
    'a revocation endpoint that %s: revoke gives up at its deadline, typed',
    async (_name, fault) => {
      const session = await signedInToSandbox({ client: { revokeDeadlineMs: DEADLINE_MS } });
      sandbox = session.sandbox;
      sandbox.setFaults({ wire: { revoke: fault } });

      const error = await tokenFailure(
        session.client.revoke(
          session.tokens.refreshToken,
          'refresh_token',
          new AbortController().signal,
        ),
      );

      expect(error.code).toBe('timeout');
    },
  );
});

describe('a 200 MB token answer', () => {
  it.each([
    ['streamed (chunked)', false],
    ['with its Content-Length declared', true],
  ])('%s is refused without reading it, and memory stays flat', async (_name, declareLength) => {
    const session = await signedInToSandbox();
    sandbox = session.sandbox;
    sandbox.setFaults({ wire: { token: { kind: 'oversized', bytes: 200 * MB, declareLength } } });
    const rssBefore = process.memoryUsage().rss;

    const error = await tokenFailure(session.client.refresh(session.tokens.refreshToken));

    expect(error).toMatchObject({ code: 'server_error', transient: true });
    expect(sandbox.counters().oversizedBytesWritten).toBeLessThan(32 * MB);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * MB);
  });
});

describe('odd expires_in from a server that rotates refresh tokens', () => {
  it.each([
    ['0', '0', 3600],
    ['missing', null, 3600],
    ['1', '1', 60],
    ['negative', '-5', 3600],
    ['Infinity (1e400)', '1e400', 3600],
    ['10^12', '1000000000000', 86_400],
    ['a string', '"an hour"', 3600],
  ])(
    '%s: the answer is adopted with a sane lifetime and the rotated token is kept',
    async (_name, raw, seconds) => {
      const session = await signedInToSandbox();
      sandbox = session.sandbox;
      sandbox.setFaults({ tokenAnswer: { expiresIn: raw } });

      const renewed = await session.client.refresh(session.tokens.refreshToken);

      expect(renewed.expiresAt - renewed.obtainedAt).toBe(seconds * 1000);
      // The sandbox killed the old refresh token when it rotated: only the adopted one still works.
      sandbox.setFaults({});
      await expect(session.client.refresh(session.tokens.refreshToken)).rejects.toMatchObject({
        code: 'session_expired',
      });
      await expect(session.client.refresh(renewed.refreshToken)).resolves.toBeDefined();
    },
  );

  it('refresh_token "" keeps the previous refresh token, which still works', async () => {
    const session = await signedInToSandbox();
    sandbox = session.sandbox;
    sandbox.setFaults({ tokenAnswer: { emptyRefreshToken: true } });

    const renewed = await session.client.refresh(session.tokens.refreshToken);

    expect(renewed.refreshToken).toBe(session.tokens.refreshToken);
    expect(renewed.accessToken).not.toBe(session.tokens.accessToken);
    sandbox.setFaults({});
    await expect(session.client.refresh(renewed.refreshToken)).resolves.toBeDefined();
  });
});

describe('answers that must not end the session', () => {
  it("a proxy's 401 with WWW-Authenticate on refresh is transient, not invalid_client", async () => {
    const session = await signedInToSandbox();
    sandbox = session.sandbox;
    sandbox.setFaults({ wire: { token: { kind: 'proxy-challenge' } } });

    const error = await tokenFailure(session.client.refresh(session.tokens.refreshToken));

    expect(error).toMatchObject({ code: 'server_error', transient: true });
    sandbox.setFaults({});
    await expect(session.client.refresh(session.tokens.refreshToken)).resolves.toBeDefined();
  });

  it('400 temporarily_unavailable is transient and passes on Retry-After', async () => {
    const session = await signedInToSandbox();
    sandbox = session.sandbox;
    sandbox.setFaults({
      retryAfterSeconds: 7200,
      wire: { token: { kind: 'temporarily-unavailable' } },
    });

    const error = await tokenFailure(session.client.refresh(session.tokens.refreshToken));

    expect(error).toMatchObject({ code: 'server_error', transient: true, retryAfterMs: 7_200_000 });
  });
});
