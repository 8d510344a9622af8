import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../preload/contract.ts';
import { createConsoleLogger } from '../../../main/node/console-logger.ts';
import {
  isReadableErrorCode,
  REDACTED,
  redactFields,
  redactText,
} from '../../../main/node/redact.ts';
import { randomText } from '../../../main/sandbox/token-format.ts';

describe('log redaction (second line of defence)', () => {
  it('masks secret-named fields at any depth', () => {
    expect(
      redactFields({
        accessToken: 'a',
        nested: { refresh_token: 'b', verifier: 'd', ok: 1, state: 'e', pwd: 'f' },
        clientSecret: 'e',
        authorizationCode: 'g',
        auth_code: 'h',
      }),
    ).toEqual({
      accessToken: REDACTED,
      nested: {
        refresh_token: REDACTED,
        verifier: REDACTED,
        ok: 1,
        state: REDACTED,
        pwd: REDACTED,
      },
      clientSecret: REDACTED,
      authorizationCode: REDACTED,
      auth_code: REDACTED,
    });
  });

  it('masks secrets inside URLs, headers, JSON text and JWT-shaped strings', () => {
    const text = redactText(
      'GET http://127.0.0.1:5/callback?code=abc123&state=xyz&x=1 Bearer eyJhbGciOi.eyJzdWIiOiIx.sig Basic dXNlcjpwYXNz',
    );
    expect(text).not.toMatch(/abc123|xyz|eyJhbGciOi|dXNlcjpwYXNz/);
    expect(text).toContain('x=1');
    const join = redactText('opening https://us05web.zoom.us/j/8123?pwd=PassCode9&uname=Ada');
    expect(join).not.toContain('PassCode9');
    expect(join).toContain('uname=Ada');
    const body = redactText('token answer {"access_token": "AT-1", "refresh_token":"RT-2"}');
    expect(body).not.toMatch(/AT-1|RT-2/);
  });

  it('keeps error codes readable: every code of ours, OAuth, Node and Zoom numbers', () => {
    for (const code of ERROR_CODES) expect(redactFields({ code })).toEqual({ code });
    for (const code of ['invalid_grant', 'ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 124, 429])
      expect(redactFields({ nested: { code } })).toEqual({ nested: { code } });
  });

  it('hides a `code` whose value could be an OAuth authorization code', () => {
    const zoomLike = 'obBEe8ewaL_KdyNjniT4KPd8ffDWt9fGB';
    for (const code of [zoomLike, 'abc123', 'Offline', 'code-with-dash', '4711', { v: 'x' }, ''])
      expect(redactFields({ code })).toEqual({ code: REDACTED });
    expect(isReadableErrorCode('a'.repeat(41))).toBe(false);
    expect(isReadableErrorCode(Number.NaN)).toBe(false);
    // The sandbox mints codes as Zoom does (32 random base64url characters): none passes.
    const leaked = Array.from({ length: 2000 }, () => randomText(32)).filter(isReadableErrorCode);
    expect(leaked).toEqual([]);
  });

  it('does not walk into objects deeper than anything logged on purpose', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: 'SECRET-DEEP' } } } } } } };
    expect(JSON.stringify(redactFields(deep))).not.toContain('SECRET-DEEP');
  });

  it('writes one redacted JSON line per entry, error codes readable', () => {
    const lines: string[] = [];
    const logger = createConsoleLogger({ sink: (line) => lines.push(line), now: () => 0 });
    logger.warn('refresh failed for https://x/?refresh_token=SECRET1', {
      token: 'SECRET2',
      code: 'offline',
      error: new Error('Bearer SECRET3'),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/SECRET/);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'warn',
      time: '1970-01-01T00:00:00.000Z',
      code: 'offline',
    });
  });
});
