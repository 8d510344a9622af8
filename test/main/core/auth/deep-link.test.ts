import { describe, expect, it } from 'vitest';
import { parseDeepLinkCallback } from '../../../../main/core/auth/deep-link.ts';

const REDIRECT = 'meetingtray://oauth/callback';

describe('parseDeepLinkCallback', () => {
  it('accepts exactly our scheme, host and path', () => {
    const url = parseDeepLinkCallback(`${REDIRECT}?code=abc&state=xyz`, REDIRECT);
    expect(url?.searchParams.get('code')).toBe('abc');
    expect(url?.searchParams.get('state')).toBe('xyz');
  });

  it.each([
    'meetingtray://evil/callback?code=a&state=b',
    'meetingtray://oauth/callback/extra?code=a',
    'meetingtray://oauth/other?code=a',
    'othertray://oauth/callback?code=a',
    'https://oauth/callback?code=a',
    'meetingtray://user:pw@oauth/callback?code=a',
    'meetingtray://oauth:99/callback?code=a',
    'meetingtray://oauth/callback?code=a#frag',
    'not a url',
    `${REDIRECT}?x=${'a'.repeat(5000)}`,
  ])('rejects %s', (raw) => {
    expect(parseDeepLinkCallback(raw, REDIRECT)).toBeNull();
  });
});
