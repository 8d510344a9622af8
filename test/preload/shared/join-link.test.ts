import { describe, expect, it } from 'vitest';
import {
  isZoomHost,
  parseAppJoinLink,
  parseWebJoinLink,
  toZoomAppLink,
  zoomAppJoinLink,
  zoomWebJoinLink,
} from '../../../preload/shared/join-link.ts';
import { allowedExternalUrl } from '../../../main/desktop/security/external-url-policy.ts';

// A passcode as Zoom writes it in join_url: server-made, base64-like, with a `.1` suffix.
const PWD = 'RnRsT2xzbUJ3dE5aSTFkQjVhUkpuUT09.1';

describe('toZoomAppLink: a web join link becomes the Zoom app link', () => {
  it.each([
    [
      'zoom.us with a passcode',
      `https://zoom.us/j/123456789?pwd=${PWD}`,
      `zoommtg://zoom.us/join?action=join&confno=123456789&pwd=${PWD}`,
    ],
    [
      'zoom.us without a passcode',
      'https://zoom.us/j/123456789',
      'zoommtg://zoom.us/join?action=join&confno=123456789',
    ],
    [
      'us02web.zoom.us',
      `https://us02web.zoom.us/j/85746065432?pwd=${PWD}`,
      `zoommtg://us02web.zoom.us/join?action=join&confno=85746065432&pwd=${PWD}`,
    ],
    [
      'a vanity subdomain',
      'https://acme.zoom.us/j/9876543210?pwd=abc',
      'zoommtg://acme.zoom.us/join?action=join&confno=9876543210&pwd=abc',
    ],
    [
      'ZoomGov',
      `https://zoomgov.com/j/1612345678?pwd=${PWD}`,
      `zoommtg://zoomgov.com/join?action=join&confno=1612345678&pwd=${PWD}`,
    ],
    [
      'a ZoomGov subdomain without a passcode',
      'https://agency.zoomgov.com/j/1612345678',
      'zoommtg://agency.zoomgov.com/join?action=join&confno=1612345678',
    ],
    [
      'upper-case host, trailing slash, other parameters dropped',
      'https://US05WEB.Zoom.US/j/85746065432/?from=addon&pwd=abc&omn=1#success',
      'zoommtg://us05web.zoom.us/join?action=join&confno=85746065432&pwd=abc',
    ],
    [
      'an empty pwd as no passcode',
      'https://zoom.us/j/123456789?pwd=',
      'zoommtg://zoom.us/join?action=join&confno=123456789',
    ],
  ])('%s', (_name, web, app) => {
    expect(toZoomAppLink(web)).toBe(app);
    // Whatever it writes, the allow-list admits, unchanged.
    expect(allowedExternalUrl(app)).toBe(app);
  });

  it('passes the passcode through byte for byte: %-escapes, +, = and . are not decoded', () => {
    const pwd = 'a%2Bb+c%3D%3D==.1';
    expect(toZoomAppLink(`https://zoom.us/j/123456789?pwd=${pwd}`)).toBe(
      `zoommtg://zoom.us/join?action=join&confno=123456789&pwd=${pwd}`,
    );
  });

  it.each([
    ['personal room', 'https://zoom.us/my/ada.okafor'],
    ['webinar', 'https://zoom.us/w/123456789?tk=abc'],
    ['start link', 'https://zoom.us/s/123456789?zak=secret'],
    ['web client', 'https://app.zoom.us/wc/123456789/start'],
    ['home page', 'https://zoom.us/'],
    ['join path with more after the id', 'https://zoom.us/j/123456789/extra'],
    ['plain http', 'http://zoom.us/j/123456789'],
  ])('keeps %s on https (no app link)', (_name, link) => {
    expect(toZoomAppLink(link)).toBeNull();
  });

  it.each([
    ['userinfo before a Zoom host', 'https://evil.com@zoom.us/j/123456789'],
    ['userinfo hiding the real host', 'https://zoom.us@evil.com/j/123456789'],
    ['user and password', 'https://a:b@zoom.us/j/123456789'],
    ['a port', 'https://zoom.us:8443/j/123456789'],
    ['lookalike suffix', 'https://zoom.us.evil.com/j/123456789'],
    ['lookalike prefix', 'https://evilzoom.us/j/123456789'],
    ['lookalike gov', 'https://notzoomgov.com/j/123456789'],
    ['unicode lookalike', 'https://zооm.us/j/123456789'],
    ['trailing-dot host', 'https://zoom.us./j/123456789'],
    ['encoded slash in the id', 'https://zoom.us/j/123%2F456789'],
    ['encoded slash before the id', 'https://zoom.us/j%2F123456789'],
    ['dot segments', 'https://zoom.us/x/../j/123456789/..%2F..%2Fmy'],
    ['non-numeric id', 'https://zoom.us/j/abcdefghi'],
    ['id with a sign', 'https://zoom.us/j/+123456789'],
    ['too short an id', 'https://zoom.us/j/12345'],
    ['too long an id', 'https://zoom.us/j/123456789012'],
    ['a very long id', `https://zoom.us/j/${'9'.repeat(5000)}`],
    ['a very long passcode', `https://zoom.us/j/123456789?pwd=${'a'.repeat(300)}`],
    ['passcode with a bare percent sign', 'https://zoom.us/j/123456789?pwd=a%zz'],
    ['two passcodes', 'https://zoom.us/j/123456789?pwd=a&pwd=b'],
    ['javascript', 'javascript:alert(1)//zoom.us/j/123456789'],
    ['javascript with a host', 'javascript://zoom.us/j/123456789%0Aalert(1)'],
    ['data', 'data:text/html,https://zoom.us/j/123456789'],
    ['embedded newline', 'https://zoom.us/j/123456789\nzoommtg://evil'],
    ['backslash', 'https://zoom.us\\@evil.com/j/123456789'],
    ['leading space', ' https://zoom.us/j/123456789'],
    ['not a URL', 'zoom.us/j/123456789'],
    ['empty', ''],
    ['very long', `https://zoom.us/j/123456789?pwd=abc&x=${'y'.repeat(5000)}`],
  ])('refuses %s', (_name, link) => {
    expect(toZoomAppLink(link)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(toZoomAppLink(undefined)).toBeNull();
    expect(toZoomAppLink({ toString: () => 'https://zoom.us/j/123456789' })).toBeNull();
  });

  it('never lets a passcode add a parameter: escapes stay escapes, quotes arrive escaped', () => {
    const smuggled = toZoomAppLink('https://zoom.us/j/123456789?pwd=a%26browser%3Dx');
    expect([...new URL(smuggled ?? '').searchParams.keys()]).toEqual(['action', 'confno', 'pwd']);
    expect(toZoomAppLink("https://zoom.us/j/123456789?pwd=a'b")).toBe(
      'zoommtg://zoom.us/join?action=join&confno=123456789&pwd=a%27b',
    );
  });

  it('keeps the passcode out of the path and host whatever it holds', () => {
    const link = toZoomAppLink('https://zoom.us/j/123456789?pwd=abc.1');
    const url = new URL(link ?? '');
    expect([url.protocol, url.hostname, url.pathname]).toEqual(['zoommtg:', 'zoom.us', '/join']);
    expect(url.searchParams.get('confno')).toBe('123456789');
  });
});

describe('the two forms describe the same meeting', () => {
  it('reads the app form back and writes the web form', () => {
    const join = parseAppJoinLink(
      `zoommtg://us05web.zoom.us/join?action=join&confno=85746065432&pwd=${PWD}`,
    );
    expect(join).toEqual({ host: 'us05web.zoom.us', meetingId: '85746065432', passcode: PWD });
    expect(zoomWebJoinLink(join!)).toBe(`https://us05web.zoom.us/j/85746065432?pwd=${PWD}`);
    expect(zoomAppJoinLink(parseWebJoinLink(zoomWebJoinLink(join!))!)).toBe(
      `zoommtg://us05web.zoom.us/join?action=join&confno=85746065432&pwd=${PWD}`,
    );
  });

  it.each([
    ['another action', 'zoommtg://zoom.us/join?action=start&confno=123456789'],
    ['no action', 'zoommtg://zoom.us/join?confno=123456789'],
    ['an extra parameter', 'zoommtg://zoom.us/join?action=join&confno=123456789&browser=chrome'],
    ['a start path', 'zoommtg://zoom.us/start?action=join&confno=123456789'],
    ['another host', 'zoommtg://evil.com/join?action=join&confno=123456789'],
    ['a port', 'zoommtg://zoom.us:99/join?action=join&confno=123456789'],
    ['https', 'https://zoom.us/join?action=join&confno=123456789'],
  ])('the app form refuses %s', (_name, link) => {
    expect(parseAppJoinLink(link)).toBeNull();
  });
});

describe('isZoomHost', () => {
  it.each([
    ['zoom.us', true],
    ['us02web.zoom.us', true],
    ['ACME.Zoom.US', true],
    ['zoomgov.com', true],
    ['x.zoomgov.com', true],
    ['zoom.us.evil.com', false],
    ['evilzoom.us', false],
    ['zoom.com', false],
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(isZoomHost(host)).toBe(expected);
  });
});
