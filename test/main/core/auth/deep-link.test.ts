import { describe, expect, it } from 'vitest';
import { findDeepLinkInArgv, parseDeepLinkCallback } from '../../../../main/core/auth/deep-link.ts';

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

describe('findDeepLinkInArgv', () => {
  const exe = ['/opt/Meeting Tray/meeting-tray', '--no-sandbox'];

  it('returns the single matching URL', () => {
    const link = `${REDIRECT}?code=a&state=b`;
    expect(findDeepLinkInArgv([...exe, '--', link], REDIRECT)).toBe(link);
    expect(findDeepLinkInArgv([...exe, 'MeetingTray://oauth/callback?state=b'.replace('MeetingTray', 'meetingtray')], REDIRECT)).not.toBeNull();
  });

  it('returns null when there is none', () => {
    expect(findDeepLinkInArgv(exe, REDIRECT)).toBeNull();
    expect(findDeepLinkInArgv([], REDIRECT)).toBeNull();
  });

  it.each([
    ['two URLs', [`${REDIRECT}?state=a`, `${REDIRECT}?state=b`]],
    ['one ours, one hostile of our scheme', [`${REDIRECT}?state=a`, 'meetingtray://evil/x']],
    ['only a wrong host', ['meetingtray://evil/callback?state=a']],
    ['URL smuggled into a switch', [`--inspect=${REDIRECT}?state=a`]],
    ['uppercase-scheme duplicate', [`${REDIRECT}?state=a`, `MEETINGTRAY://oauth/callback?state=a`]],
    ['chromium switch injection', ['--gpu-launcher=calc.exe', `${REDIRECT}?state=a`, `${REDIRECT}?state=a`]],
  ])('returns null for hostile argv: %s', (_name, args) => {
    expect(findDeepLinkInArgv([...exe, ...args], REDIRECT)).toBeNull();
  });
});
