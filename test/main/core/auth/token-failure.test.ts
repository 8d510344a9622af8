import { describe, expect, it } from 'vitest';
import {
  classifyTokenFailure,
  parseRetryAfter,
  readOAuthErrorBody,
} from '../../../../main/core/auth/token-failure.ts';
import { AppError } from '../../../../main/core/errors.ts';

const NOW = Date.parse('2026-11-24T09:00:00Z');

describe('classifyTokenFailure', () => {
  it.each([
    ['network', { kind: 'network' } as const, 'offline'],
    ['503', { kind: 'http', status: 503 } as const, 'server_error'],
    [
      '500 with an OAuth body',
      { kind: 'http', status: 500, error: 'server_error' } as const,
      'server_error',
    ],
    ['429', { kind: 'http', status: 429, retryAfter: '120' } as const, 'rate_limited'],
    [
      '400 that is not OAuth JSON (proxy page)',
      { kind: 'http', status: 400 } as const,
      'server_error',
    ],
  ])('treats %s as transient', (_name, input, code) => {
    const failure = classifyTokenFailure(input, 'refresh_token', NOW);
    expect(failure.transient).toBe(true);
    expect(failure.code).toBe(code);
  });

  it('reads Retry-After for 429', () => {
    expect(
      classifyTokenFailure({ kind: 'http', status: 429, retryAfter: '120' }, 'refresh_token', NOW)
        .retryAfterMs,
    ).toBe(120_000);
  });

  it.each([
    ['Zoom invalid_grant', { reason: 'Invalid Token!', error: 'invalid_grant' }],
    ['bare invalid_grant', { error: 'invalid_grant' }],
    ['older Zoom invalid_request', { reason: 'Invalid Token!', error: 'invalid_request' }],
  ])('ends the session on %s during refresh', (_name, body) => {
    const failure = classifyTokenFailure(
      { kind: 'http', status: 400, ...body },
      'refresh_token',
      NOW,
    );
    expect(failure).toMatchObject({
      transient: false,
      code: 'session_expired',
      message: 'Your Zoom session ended — sign in again',
    });
  });

  it('reports invalid_client with its own code and message', () => {
    const failure = classifyTokenFailure(
      {
        kind: 'http',
        status: 400,
        error: 'invalid_client',
        reason: 'Invalid client_id or client_secret',
      },
      'refresh_token',
      NOW,
    );
    expect(failure.transient).toBe(false);
    expect(failure.code).toBe('invalid_client');
    expect(failure.message).toContain('ZOOM_CLIENT_ID');
  });

  it('reports a refused code exchange as token_exchange_failed with the reason', () => {
    const failure = classifyTokenFailure(
      { kind: 'http', status: 400, error: 'invalid_grant', reason: 'Invalid authorization code' },
      'authorization_code',
      NOW,
    );
    expect(failure).toMatchObject({ transient: false, code: 'token_exchange_failed' });
    expect(failure.message).toContain('Invalid authorization code');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates and ISO dates', () => {
    expect(parseRetryAfter('30', NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('2026-11-25T00:00:00Z', NOW)).toBe(15 * 3_600_000);
    expect(parseRetryAfter('garbage', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter('2020-01-01T00:00:00Z', NOW)).toBe(0);
  });
});

describe('classifyTokenFailure: wire failures', () => {
  it('a deadline is its own transient code, naming the wait', () => {
    const failure = classifyTokenFailure(
      { kind: 'timeout', deadlineMs: 15_000 },
      'refresh_token',
      NOW,
    );
    expect(failure).toMatchObject({ code: 'timeout', transient: true });
    expect(failure.message).toContain('15 seconds');
  });

  it('an oversized answer is a transient server problem', () => {
    expect(
      classifyTokenFailure({ kind: 'too_large', maxBytes: 65_536 }, 'refresh_token', NOW),
    ).toMatchObject({ code: 'server_error', transient: true });
  });

  it("a cancelled call keeps the canceller's code and words, and never ends the session", () => {
    const reason = new AppError('not_signed_in', 'You signed out while the session was renewed.');
    expect(classifyTokenFailure({ kind: 'aborted', reason }, 'refresh_token', NOW)).toEqual({
      code: 'not_signed_in',
      transient: true,
      retryAfterMs: null,
      message: reason.message,
    });
    expect(
      classifyTokenFailure({ kind: 'aborted', reason: new Error('x') }, 'refresh_token', NOW),
    ).toMatchObject({ code: 'unknown', transient: true });
  });

  it.each([
    ['authorization_code', 'invalid_callback'],
    ['refresh_token', 'session_expired'],
    ['revocation', 'unknown'],
  ] as const)('a %s request that was never sent is %s, not offline', (call, code) => {
    expect(classifyTokenFailure({ kind: 'not_sent' }, call, NOW)).toMatchObject({
      code,
      transient: false,
    });
  });
});

describe('classifyTokenFailure: answers that are not a refusal', () => {
  it.each([
    ['401 without an OAuth body (a proxy challenge)', { status: 401 }],
    ['400 temporarily_unavailable', { status: 400, error: 'temporarily_unavailable' }],
    ['400 server_error', { status: 400, error: 'server_error' }],
    ['503 with invalid_client in the body', { status: 503, error: 'invalid_client' }],
  ])('%s is transient', (_name, answer) => {
    const failure = classifyTokenFailure({ kind: 'http', ...answer }, 'refresh_token', NOW);
    expect(failure).toMatchObject({ code: 'server_error', transient: true });
  });

  it('keeps a long Retry-After whole', () => {
    expect(
      classifyTokenFailure(
        { kind: 'http', status: 400, error: 'temporarily_unavailable', retryAfter: '7200' },
        'refresh_token',
        NOW,
      ).retryAfterMs,
    ).toBe(7_200_000);
  });

  it('a refused revocation is terminal but never claims the session expired', () => {
    const failure = classifyTokenFailure(
      { kind: 'http', status: 400, error: 'invalid_grant', reason: 'Invalid Token!' },
      'revocation',
      NOW,
    );
    expect(failure).toMatchObject({ code: 'unknown', transient: false });
    expect(failure.message).toContain('Invalid Token!');
  });
});

describe('readOAuthErrorBody', () => {
  const json = new Headers({ 'content-type': 'application/json;charset=UTF-8' });

  it("reads Zoom's {reason, error} and the standard error_description", () => {
    expect(readOAuthErrorBody(json, '{"reason":"Invalid Token!","error":"invalid_grant"}')).toEqual(
      { error: 'invalid_grant', reason: 'Invalid Token!' },
    );
    expect(
      readOAuthErrorBody(json, '{"error":"invalid_client","error_description":"bad secret"}'),
    ).toEqual({ error: 'invalid_client', reason: 'bad secret' });
    expect(readOAuthErrorBody(json, '{"error":"invalid_client"}')).toEqual({
      error: 'invalid_client',
    });
  });

  it.each([
    ['an HTML page', 'text/html', '<html>401</html>'],
    ['JSON sent as text/html', 'text/html', '{"error":"invalid_client"}'],
    ['no content type', null, '{"error":"invalid_client"}'],
    ['JSON without error', 'application/json', '{"code":124}'],
    ['an empty error', 'application/json', '{"error":""}'],
    ['a JSON array', 'application/json', '[{"error":"invalid_client"}]'],
    ['broken JSON', 'application/json', '{"error":'],
  ])('finds no OAuth error in %s', (_name, type, text) => {
    const headers = new Headers(type ? { 'content-type': type } : {});
    expect(readOAuthErrorBody(headers, text)).toBeNull();
  });
});
