import { describe, expect, it } from 'vitest';
import { createConsoleLogger } from '../../../main/node/console-logger.ts';
import { REDACTED, redactFields, redactText } from '../../../main/node/redact.ts';

describe('log redaction (second line of defence)', () => {
  it('masks secret-named fields at any depth', () => {
    expect(
      redactFields({
        accessToken: 'a',
        nested: { refresh_token: 'b', code: 'c', verifier: 'd', ok: 1 },
        clientSecret: 'e',
      }),
    ).toEqual({
      accessToken: REDACTED,
      nested: { refresh_token: REDACTED, code: REDACTED, verifier: REDACTED, ok: 1 },
      clientSecret: REDACTED,
    });
  });

  it('masks secrets inside URLs, headers and JWT-shaped strings', () => {
    const text = redactText(
      'GET http://127.0.0.1:5/callback?code=abc123&state=xyz&x=1 Bearer eyJhbGciOi.eyJzdWIiOiIx.sig Basic dXNlcjpwYXNz',
    );
    expect(text).not.toMatch(/abc123|xyz|eyJhbGciOi|dXNlcjpwYXNz/);
    expect(text).toContain('x=1');
  });

  it('writes one redacted JSON line per entry', () => {
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
    });
  });
});
