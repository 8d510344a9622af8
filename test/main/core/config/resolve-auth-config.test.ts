// The precedence, one source at a time and all together: environment → Settings → built-in →
// demo, each validated with the same rules and refused with its own names.
import { describe, expect, it } from 'vitest';
import { parseBuiltInConfig } from '../../../../main/core/config/built-in-config.ts';
import {
  resolveAuthConfig,
  sameProvider,
  type AuthConfigSources,
} from '../../../../main/core/config/resolve-auth-config.ts';
import { isAppError } from '../../../../main/core/errors.ts';

const FILE = '/opt/Meeting Tray/resources/app.asar/dist/main/app-config.json';
const env = { ZOOM_CLIENT_ID: 'EnvClient' };
const saved = {
  clientId: 'SavedClient',
  oauthBase: 'https://zoomgov.com',
  apiBase: 'https://api.zoomgov.com/v2',
};
const builtIn = parseBuiltInConfig('{ "zoom": { "clientId": "BuiltInClient" } }', FILE);

function resolved(sources: Partial<AuthConfigSources>) {
  const result = resolveAuthConfig({ env: {}, saved: null, builtIn: null, ...sources });
  return result.source === 'demo'
    ? { source: 'demo' }
    : {
        source: result.source,
        clientId: result.provider.client.clientId,
        issuer: result.provider.server.issuer,
      };
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAppError(error) && error.code === 'config_invalid') return error.message;
    throw error;
  }
  throw new Error('expected a config_invalid refusal');
}

describe('resolveAuthConfig: the precedence table', () => {
  it.each<[string, Partial<AuthConfigSources>, object]>([
    ['nothing → demo', {}, { source: 'demo' }],
    [
      'built-in only → built-in',
      { builtIn },
      { source: 'built-in', clientId: 'BuiltInClient', issuer: 'https://zoom.us' },
    ],
    [
      'Settings beats built-in',
      { builtIn, saved },
      { source: 'settings', clientId: 'SavedClient', issuer: 'https://zoomgov.com' },
    ],
    [
      'environment beats Settings and built-in',
      { env, saved, builtIn },
      { source: 'environment', clientId: 'EnvClient', issuer: 'https://zoom.us' },
    ],
    [
      'environment beats built-in',
      { env, builtIn },
      { source: 'environment', clientId: 'EnvClient', issuer: 'https://zoom.us' },
    ],
    [
      'Settings beats demo',
      { saved },
      { source: 'settings', clientId: 'SavedClient', issuer: 'https://zoomgov.com' },
    ],
    [
      'bases in the environment without a client ID name no account: the next source decides',
      { env: { ZOOM_OAUTH_BASE: 'https://zoomgov.com' }, builtIn },
      { source: 'built-in', clientId: 'BuiltInClient', issuer: 'https://zoom.us' },
    ],
  ])('%s', (_name, sources, expected) => {
    expect(resolved(sources)).toEqual(expected);
  });

  it('keeps the saved secret and the redirect switch of the environment', () => {
    const result = resolveAuthConfig({
      env: { MEETING_TRAY_REDIRECT: 'meetingtray://oauth/callback' },
      saved: { clientId: 'Conf', clientSecret: 's3cret' },
      builtIn,
    });
    if (result.source === 'demo') throw new Error('expected Settings');
    expect(result.provider.client).toEqual({ clientId: 'Conf', clientSecret: 's3cret' });
    expect(result.provider.redirect).toEqual({
      kind: 'custom-scheme',
      uri: 'meetingtray://oauth/callback',
    });
  });

  it('refuses each source with its own names', () => {
    expect(refusal(() => resolved({ env: { ZOOM_CLIENT_ID: 'a b' } }))).toMatch(/^ZOOM_CLIENT_ID /);
    expect(
      refusal(() => resolved({ saved: { clientId: 'ok', oauthBase: 'http://zoom.us' } })),
    ).toMatch(/^The authorization server must use https:\/\//);
  });

  it('tells a switch that would change nothing', () => {
    const a = resolveAuthConfig({ env: {}, saved, builtIn: null });
    const b = resolveAuthConfig({ env: {}, saved: { ...saved }, builtIn: null });
    const c = resolveAuthConfig({ env: {}, saved: { ...saved, clientSecret: 'x' }, builtIn: null });
    if (a.source === 'demo' || b.source === 'demo' || c.source === 'demo') throw new Error('demo');
    expect(sameProvider(a.provider, b.provider)).toBe(true);
    expect(sameProvider(a.provider, c.provider)).toBe(false);
  });
});

describe('parseBuiltInConfig: a bad file is a clear error naming it', () => {
  it('accepts the documented shape, with optional bases', () => {
    expect(
      parseBuiltInConfig(
        JSON.stringify({
          zoom: {
            clientId: 'Pkg1',
            oauthBase: 'http://127.0.0.1:4010',
            apiBase: 'http://127.0.0.1:4010/v2',
          },
        }),
        FILE,
      ),
    ).toEqual({
      file: FILE,
      zoom: {
        clientId: 'Pkg1',
        oauthBase: 'http://127.0.0.1:4010',
        apiBase: 'http://127.0.0.1:4010/v2',
      },
    });
  });

  it.each([
    ['not JSON', '{ zoom: ', /is not valid JSON/],
    ['no zoom object', '{ "clientId": "x" }', /must look like \{ "zoom"/],
    ['an array', '[]', /must look like/],
    [
      'a secret',
      '{ "zoom": { "clientId": "x", "clientSecret": "s" } }',
      /contains a client secret/,
    ],
    [
      'an unknown field',
      '{ "zoom": { "clientId": "x", "clientID": "y" } }',
      /unknown field "zoom\.clientID"/,
    ],
    ['a number', '{ "zoom": { "clientId": 42 } }', /"zoom\.clientId" that is not text/],
    ['no client ID', '{ "zoom": {} }', /"zoom\.clientId" in .* is required/],
    [
      'a bad client ID',
      '{ "zoom": { "clientId": "has space" } }',
      /"zoom\.clientId" in .* contains unexpected/,
    ],
    [
      'plain http',
      '{ "zoom": { "clientId": "x", "oauthBase": "http://zoom.us" } }',
      /"zoom\.oauthBase" in .* must use https/,
    ],
    [
      'a query',
      '{ "zoom": { "clientId": "x", "apiBase": "https://api.zoom.us/v2?a=1" } }',
      /"zoom\.apiBase" in .* must not contain/,
    ],
  ])('refuses %s', (_name, text, message) => {
    const text_ = refusal(() => parseBuiltInConfig(text, FILE));
    expect(text_).toMatch(message);
    expect(text_).toContain(FILE);
  });
});
