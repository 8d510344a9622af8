import { describe, expect, it } from 'vitest';
import { classifyTokenFailure, parseRetryAfter } from '../../../../main/core/auth/token-failure.ts';

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
