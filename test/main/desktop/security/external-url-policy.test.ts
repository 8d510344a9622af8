import { describe, expect, it } from 'vitest';
import { allowedExternalUrl } from '../../../../main/desktop/security/external-url-policy.ts';

describe('openExternal allow-list', () => {
  it.each([
    'https://zoom.us/j/123456789',
    'https://us05web.zoom.us/j/85746065432?pwd=abc',
    'https://ZOOM.US/j/1',
    'https://company.zoomgov.com/j/1',
    'https://zoomgov.com/j/1',
    'zoommtg://zoom.us/join?action=join&confno=123456789&pwd=x',
    'zoommtg://us05web.zoom.us/join?action=join&confno=85746065432',
  ])('admits %s', (url) => {
    expect(allowedExternalUrl(url)).not.toBeNull();
  });

  it.each([
    ['lookalike suffix', 'https://zoom.us.evil.com/j/1'],
    ['lookalike prefix', 'https://evilzoom.us/j/1'],
    ['lookalike gov', 'https://notzoomgov.com/j/1'],
    ['userinfo trick', 'https://zoom.us@evil.com/j/1'],
    ['userinfo on a zoom host', 'https://evil.com@zoom.us/j/1'],
    ['password in userinfo', 'https://a:b@zoom.us/j/1'],
    ['plain http', 'http://zoom.us/j/1'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript dressed as zoom', 'javascript://zoom.us/%0Aalert(1)'],
    ['file', 'file:///etc/passwd'],
    ['smb', 'smb://zoom.us/share'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['zoommtg elsewhere', 'zoommtg://evil.com/join?confno=1'],
    ['zoommtg other action', 'zoommtg://zoom.us/start?confno=1'],
    ['zoommtg start in the query', 'zoommtg://zoom.us/join?action=start&confno=123456789'],
    ['zoommtg without action', 'zoommtg://zoom.us/join?confno=123456789'],
    ['zoommtg extra instruction', 'zoommtg://zoom.us/join?action=join&confno=123456789&browser=x'],
    ['zoommtg token smuggled', 'zoommtg://zoom.us/join?action=join&confno=123456789&token=t'],
    ['zoommtg non-numeric meeting', 'zoommtg://zoom.us/join?action=join&confno=abc'],
    ['zoommtg userinfo', 'zoommtg://evil.com@zoom.us/join?action=join&confno=123456789'],
    ['leading space', ' https://zoom.us/j/1'],
    ['embedded newline', 'https://zoom.us/j/1\nhttps://evil.com'],
    ['tab in host', 'https://zo\tom.us/j/1'],
    ['backslash trick', 'https://evil.com\\@zoom.us/j/1'],
    ['non-default port', 'https://zoom.us:8443/j/1'],
    ['trailing dot host', 'https://zoom.us./j/1'],
    ['unicode lookalike', 'https://zооm.us/j/1'],
    ['empty', ''],
    ['not a URL', 'zoom.us/j/1'],
    ['enormous', `https://zoom.us/j/${'1'.repeat(5000)}`],
  ])('rejects %s', (_name, url) => {
    expect(allowedExternalUrl(url)).toBeNull();
  });

  it('rejects values that are not strings', () => {
    expect(allowedExternalUrl(undefined)).toBeNull();
    expect(allowedExternalUrl({ toString: () => 'https://zoom.us' })).toBeNull();
  });

  it('returns the parsed, normalised URL that will actually be opened', () => {
    expect(allowedExternalUrl('https://ZOOM.us/j/1?pwd=a')).toBe('https://zoom.us/j/1?pwd=a');
  });
});
