import { describe, expect, it } from 'vitest';
import { chooseApiBaseUrl } from '../../../../main/core/zoom/api-base-url.ts';

const ZOOM = 'https://api.zoom.us/v2';
const ZOOMGOV = 'https://api.zoomgov.com/v2';
const SANDBOX = 'http://127.0.0.1:41234/v2';

describe('chooseApiBaseUrl', () => {
  it.each([
    ['a regional Zoom host', 'https://api-eu.zoom.us', ZOOM, 'https://api-eu.zoom.us/v2'],
    ['zoom.us itself', 'https://zoom.us', ZOOM, 'https://zoom.us/v2'],
    ['a hint with /v2 already', 'https://api-us.zoom.us/v2/', ZOOM, 'https://api-us.zoom.us/v2'],
    [
      'a hint with another path',
      'https://api.zoom.us/other/path?x=1',
      ZOOM,
      'https://api.zoom.us/v2',
    ],
    [
      'a ZoomGov host for ZoomGov',
      'https://api.zoomgov.com',
      ZOOMGOV,
      'https://api.zoomgov.com/v2',
    ],
    ['the sandbox origin itself', 'http://127.0.0.1:41234', SANDBOX, 'http://127.0.0.1:41234/v2'],
  ])('follows %s', (_name, hint, configured, expected) => {
    expect(chooseApiBaseUrl(hint, configured)).toEqual({ apiBaseUrl: expected, rejected: false });
  });

  it.each([
    ['a stranger', 'https://evil.example', ZOOM],
    ['a look-alike suffix', 'https://api.zoom.us.evil.example', ZOOM],
    ['a look-alike prefix', 'https://notzoom.us', ZOOM],
    ['plain http to Zoom', 'http://api.zoom.us', ZOOM],
    ['Zoom from ZoomGov', 'https://api.zoom.us', ZOOMGOV],
    ['ZoomGov from Zoom', 'https://api.zoomgov.com', ZOOM],
    ['another loopback port', 'http://127.0.0.1:9', SANDBOX],
    ['Zoom from the sandbox', 'https://api.zoom.us', SANDBOX],
    ['credentials in the URL', 'https://user:pw@api.zoom.us', ZOOM],
  ])('refuses %s and keeps the configured base', (_name, hint, configured) => {
    const choice = chooseApiBaseUrl(hint, configured);
    expect(choice.rejected).toBe(true);
    expect(choice.apiBaseUrl).toBe(configured);
  });

  it.each([[42], ['not a url'], [{ href: 'https://api.zoom.us' }]])(
    'refuses a hint that is not a URL (%j)',
    (hint) => {
      expect(chooseApiBaseUrl(hint, ZOOM)).toMatchObject({ apiBaseUrl: ZOOM, rejected: true });
    },
  );

  it.each([[undefined], [null], ['']])(
    'uses the configured base when there is no hint (%j)',
    (hint) => {
      expect(chooseApiBaseUrl(hint, `${ZOOM}/`)).toEqual({ apiBaseUrl: ZOOM, rejected: false });
    },
  );
});
