import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startZoomSandbox, type ZoomSandbox } from '../../../main/sandbox/index.ts';
import { isRedirectUriAllowed } from '../../../main/sandbox/redirect-uri.ts';
import { renderConsentPage } from '../../../main/sandbox/consent-page.ts';
import { createFakeClock, type FakeClock } from '../../fakes/fake-clock.ts';
import { consent } from '../../helpers/sandbox-browser.ts';
import { authorizeUrl, LOOPBACK_REDIRECT, pkcePair } from './sandbox-kit.ts';

const INVALID_REDIRECT = {
  status: false,
  errorCode: 4700,
  errorMessage: 'Invalid redirect url',
  result: null,
};
const REGISTERED = ['http://127.0.0.1/callback', 'meetingtray://oauth/callback'];

describe('redirect URI matching', () => {
  it.each([
    ['http://127.0.0.1/callback', true],
    ['http://127.0.0.1:53682/callback', true],
    ['http://127.0.0.1:1/callback', true],
    ['http://[::1]:53682/callback', true],
    ['meetingtray://oauth/callback', true],
    ['http://localhost:53682/callback', false],
    ['http://LOCALHOST/callback', false],
    ['http://127.0.0.1:53682/Callback', false],
    ['http://127.0.0.1:53682/callback/extra', false],
    ['http://127.0.0.1:53682/callback?x=1', false],
    ['http://127.0.0.1.evil.example/callback', false],
    ['http://127.0.0.1:80@evil.example/callback', false],
    ['https://127.0.0.1/callback', false],
    ['MeetingTray://oauth/callback', false],
    ['meetingtray://oauth/callback/', false],
    ['meetingtray://oauth/callback#frag', false],
    ['', false],
  ])('%s → %s', (uri, allowed) => {
    expect(isRedirectUriAllowed(uri, REGISTERED)).toBe(allowed);
  });

  it('rejects localhost even when it is registered', () => {
    expect(isRedirectUriAllowed('http://localhost/callback', ['http://localhost/callback'])).toBe(
      false,
    );
  });
});

describe('GET /oauth/authorize', () => {
  let sandbox: ZoomSandbox;
  let clock: FakeClock;
  beforeEach(async () => {
    clock = createFakeClock();
    sandbox = await startZoomSandbox({ now: clock.now });
  });
  afterEach(() => sandbox.close());

  it('answers an invalid redirect with the 4700 JSON page, not a redirect', async () => {
    for (const redirect of [
      'http://localhost:53682/callback',
      'http://127.0.0.1:53682/CALLBACK',
      'https://evil.example/cb',
    ]) {
      const response = await fetch(authorizeUrl(sandbox, { redirect_uri: redirect }), {
        redirect: 'manual',
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.json()).toEqual(INVALID_REDIRECT);
    }
  });

  it('refuses an unknown client without redirecting', async () => {
    const response = await fetch(authorizeUrl(sandbox, { client_id: 'nobody' }), {
      redirect: 'manual',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: false, errorCode: 4702 });
  });

  it('redirects unsupported_response_type back to the app with the state', async () => {
    const response = await fetch(
      authorizeUrl(sandbox, { response_type: 'token', code_challenge: 'x' }),
      { redirect: 'manual' },
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('unsupported_response_type');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('requires PKCE for the public client and a known method', async () => {
    for (const params of [
      { code_challenge: undefined },
      { code_challenge: 'abc', code_challenge_method: 'S512' },
    ]) {
      const response = await fetch(authorizeUrl(sandbox, params), { redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(new URL(response.headers.get('location') ?? '').searchParams.get('error')).toBe(
        'invalid_request',
      );
    }
  });

  it('shows a consent page with the person, the app, the scopes, and a strict CSP', async () => {
    const response = await fetch(authorizeUrl(sandbox, { code_challenge: pkcePair().challenge }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' http://127.0.0.1:53682");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('Ada Okafor');
    expect(html).toContain('ada.okafor@example.com');
    expect(html).toContain('Meeting Tray');
    expect(html.indexOf('user:read:user')).toBeGreaterThan(0);
    expect(html.indexOf('user:read:user')).toBeLessThan(html.indexOf('meeting:read:list_meetings'));
    expect(html).toMatch(/<form method="post" action="\/oauth\/authorize\/decision">/);
    expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
    expect(html).not.toContain('<script');
  });

  it('lets the custom-scheme redirect through the consent form CSP', async () => {
    const response = await fetch(
      authorizeUrl(sandbox, { redirect_uri: 'meetingtray://oauth/callback', code_challenge: 'c' }),
    );
    expect(response.headers.get('content-security-policy')).toContain(
      "form-action 'self' meetingtray:",
    );
  });

  it('Allow redirects with a 32-character code and the state; Deny with access_denied', async () => {
    const allowed = await consent(
      authorizeUrl(sandbox, { code_challenge: 'c', state: 'a b&c' }),
      'allow',
    );
    expect(`${allowed.origin}${allowed.pathname}`).toBe(LOOPBACK_REDIRECT);
    expect(allowed.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(allowed.searchParams.get('state')).toBe('a b&c');
    const denied = await consent(authorizeUrl(sandbox, { code_challenge: 'c' }), 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('state-123');
    expect(denied.searchParams.has('code')).toBe(false);
  });

  it('omits state when the app sent none and keeps the custom scheme', async () => {
    const location = await consent(
      authorizeUrl(sandbox, {
        redirect_uri: 'meetingtray://oauth/callback',
        state: undefined,
        code_challenge: 'c',
      }),
      'allow',
    );
    expect(location.protocol).toBe('meetingtray:');
    expect(location.searchParams.has('state')).toBe(false);
    expect(location.searchParams.get('code')).toHaveLength(32);
  });

  it('accepts a consent id once, and not after ten minutes', async () => {
    const page = await (await fetch(authorizeUrl(sandbox, { code_challenge: 'c' }))).text();
    const consentId = /name="consent_id" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const decide = () =>
      fetch(`${sandbox.url}/oauth/authorize/decision`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ consent_id: consentId, decision: 'allow' }),
        redirect: 'manual',
      });
    expect((await decide()).status).toBe(302);
    const again = await decide();
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Sign in again');

    const late = await (await fetch(authorizeUrl(sandbox, { code_challenge: 'c' }))).text();
    const lateId = /name="consent_id" value="([^"]+)"/.exec(late)?.[1] ?? '';
    clock.jump(10 * 60_000);
    const retry = await fetch(`${sandbox.url}/oauth/authorize/decision`, {
      method: 'POST',
      body: new URLSearchParams({ consent_id: lateId, decision: 'allow' }),
      redirect: 'manual',
    });
    expect(retry.status).toBe(400);
  });
});

describe('consent page rendering', () => {
  it('escapes every value it shows', () => {
    const { html } = renderConsentPage({
      appName: '<script>alert(1)</script>',
      userName: 'Ada "O\'Kafor" & co',
      userEmail: '<b>@x',
      scopes: ['<img src=x>'],
      consentId: '"><svg onload=alert(1)>',
      redirectUri: 'http://127.0.0.1:1/cb',
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x>');
    expect(html).not.toContain('"><svg');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Ada &quot;O&#39;Kafor&quot; &amp; co');
    expect(html).toContain('value="&quot;&gt;&lt;svg onload=alert(1)&gt;"');
  });
});
