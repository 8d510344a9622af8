import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../main/core/errors.ts';
import {
  keychainServiceName,
  loadAuthConfig,
} from '../../../../main/core/config/load-auth-config.ts';
import { parseEndpointUrl } from '../../../../main/core/config/endpoint-url.ts';
import { sandboxProviderConfig } from '../../../../main/core/config/sandbox-provider.ts';

function configError(env: Record<string, string | undefined>): { code: string; message: string } {
  try {
    loadAuthConfig(env);
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected loadAuthConfig to throw');
}

describe('loadAuthConfig', () => {
  it('is demo mode when no client id is configured', () => {
    expect(loadAuthConfig({})).toEqual({ demo: true });
    expect(loadAuthConfig({ ZOOM_CLIENT_ID: '   ' })).toEqual({ demo: true });
  });

  it('defaults to Zoom endpoints, a public client and the loopback redirect', () => {
    const config = loadAuthConfig({ ZOOM_CLIENT_ID: 'abcDEF123' });
    if (config.demo) throw new Error('expected a Zoom config');
    expect(config.provider.server).toMatchObject({
      issuer: 'https://zoom.us',
      authorization_endpoint: 'https://zoom.us/oauth/authorize',
      token_endpoint: 'https://zoom.us/oauth/token',
      revocation_endpoint: 'https://zoom.us/oauth/revoke',
    });
    expect(config.provider.client).toEqual({ clientId: 'abcDEF123' });
    expect(config.provider.apiBaseUrl).toBe('https://api.zoom.us/v2');
    expect(config.provider.redirect).toEqual({ kind: 'loopback' });
  });

  it('uses a confidential client when a secret is set, and honours ZoomGov bases and a custom scheme', () => {
    const config = loadAuthConfig({
      ZOOM_CLIENT_ID: 'id',
      ZOOM_CLIENT_SECRET: 's3cret',
      ZOOM_OAUTH_BASE: 'https://zoomgov.com/',
      ZOOM_API_BASE: 'https://api.zoomgov.com/v2',
      MEETING_TRAY_REDIRECT: 'meetingtray://oauth/callback',
    });
    if (config.demo) throw new Error('expected a Zoom config');
    expect(config.provider.client).toEqual({ clientId: 'id', clientSecret: 's3cret' });
    expect(config.provider.server.token_endpoint).toBe('https://zoomgov.com/oauth/token');
    expect(config.provider.apiBaseUrl).toBe('https://api.zoomgov.com/v2');
    expect(config.provider.redirect).toEqual({
      kind: 'custom-scheme',
      uri: 'meetingtray://oauth/callback',
    });
  });

  it('accepts plain http only for 127.0.0.1 and [::1]', () => {
    const v4 = loadAuthConfig({
      ZOOM_CLIENT_ID: 'id',
      ZOOM_OAUTH_BASE: 'http://127.0.0.1:4010',
      ZOOM_API_BASE: 'http://[::1]:4010/v2',
    });
    if (v4.demo) throw new Error('expected a Zoom config');
    expect(v4.provider.server.token_endpoint).toBe('http://127.0.0.1:4010/oauth/token');
    expect(v4.provider.apiBaseUrl).toBe('http://[::1]:4010/v2');
  });

  it.each([
    ['ZOOM_OAUTH_BASE', { ZOOM_OAUTH_BASE: 'http://zoom.us' }],
    ['ZOOM_OAUTH_BASE', { ZOOM_OAUTH_BASE: 'http://localhost:4000' }],
    ['ZOOM_OAUTH_BASE', { ZOOM_OAUTH_BASE: 'not a url' }],
    ['ZOOM_OAUTH_BASE', { ZOOM_OAUTH_BASE: 'ftp://zoom.us' }],
    ['ZOOM_API_BASE', { ZOOM_API_BASE: 'http://api.zoom.us/v2' }],
    ['ZOOM_API_BASE', { ZOOM_API_BASE: 'https://user:pw@api.zoom.us/v2' }],
    ['MEETING_TRAY_REDIRECT', { MEETING_TRAY_REDIRECT: 'https://example.com/callback' }],
    ['MEETING_TRAY_REDIRECT', { MEETING_TRAY_REDIRECT: 'javascript://x/y' }],
    ['MEETING_TRAY_REDIRECT', { MEETING_TRAY_REDIRECT: 'nonsense' }],
    ['ZOOM_CLIENT_ID', { ZOOM_CLIENT_ID: 'has spaces in it' }],
  ])('rejects a bad %s with config_invalid naming the variable', (variable, env) => {
    const error = configError({ ZOOM_CLIENT_ID: 'id', ...env });
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain(variable);
  });

  it('rejects a secret without a client id', () => {
    expect(configError({ ZOOM_CLIENT_SECRET: 'x' }).message).toContain('ZOOM_CLIENT_ID');
  });

  it('reads the keychain service name with a default', () => {
    expect(keychainServiceName({})).toBe('Meeting Tray');
    expect(keychainServiceName({ MEETING_TRAY_KEYCHAIN_SERVICE: 'Meeting Tray Test 1' })).toBe(
      'Meeting Tray Test 1',
    );
  });

  it('parses endpoints strictly', () => {
    expect(parseEndpointUrl('X', 'https://zoom.us').href).toBe('https://zoom.us/');
    expect(() => parseEndpointUrl('X', 'https://zoom.us/?q=1')).toThrow(/X must not contain/);
  });

  it('builds the sandbox provider from its public client', () => {
    const provider = sandboxProviderConfig({
      url: 'http://127.0.0.1:5000',
      apiBaseUrl: 'http://127.0.0.1:5000/v2/',
      clientId: 'pub',
    });
    expect(provider.client).toEqual({ clientId: 'pub' });
    expect(provider.server.revocation_endpoint).toBe('http://127.0.0.1:5000/oauth/revoke');
    expect(provider.apiBaseUrl).toBe('http://127.0.0.1:5000/v2');
  });
});
