import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { consent } from '../../helpers/sandbox-browser.ts';
import { authorizeUrl } from './sandbox-kit.ts';

describe('test helper: consent()', () => {
  let sandbox: ZoomSandbox;
  beforeAll(async () => {
    sandbox = await startZoomSandbox();
  });
  afterAll(() => sandbox.close());

  it('presses Allow and returns the redirect with the code, without following it', async () => {
    const location = await consent(
      authorizeUrl(sandbox, { code_challenge: 'c', state: 's1' }),
      'allow',
    );
    expect(location.href).toMatch(
      /^http:\/\/127\.0\.0\.1:53682\/callback\?code=[\w-]{32}&state=s1$/,
    );
    expect(sandbox.counters().requests['POST /oauth/authorize/decision']).toBe(1);
  });

  it('presses Deny and returns the access_denied redirect', async () => {
    const location = await consent(
      authorizeUrl(sandbox, { code_challenge: 'c', state: 's2' }),
      'deny',
    );
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: 'access_denied',
      state: 's2',
    });
  });

  it('fails with the sandbox answer when there is no consent page', async () => {
    await expect(
      consent(authorizeUrl(sandbox, { redirect_uri: 'http://localhost/callback' }), 'allow'),
    ).rejects.toThrow(/Invalid redirect url/);
  });
});
