import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../main/core/errors.ts';
import type { LoopbackListener } from '../../../../main/core/auth/loopback-listener.types.ts';
import { createLoopbackListener } from '../../../../main/core/auth/loopback-listener.ts';
import { parseTokenSet } from '../../../../main/core/auth/token-set.ts';
import { createMemorySecretStore } from '../../../fakes/memory-stores.ts';
import { useAuthFixtures } from './auth-service.fixture.ts';

const setup = useAuthFixtures();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.code;
}

describe('auth service: sign-in', () => {
  it('signs in through the system browser and keeps the tokens only in the keychain', async () => {
    const f = setup();
    await f.signIn();
    await f.auth.drain(1_000);
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
    expect(f.statuses.map((s) => s.kind)).toEqual(['signing-in', 'signing-in', 'signed-in']);
    const signingIn = f.statuses[1];
    expect(signingIn?.kind === 'signing-in' && signingIn.authorizationUrl).toBe(f.opened[0]);
    expect(f.opened).toHaveLength(1);
    expect(new URL(f.opened[0]!).searchParams.get('code_challenge_method')).toBe('S256');

    const stored = parseTokenSet(
      [...(f.secrets as ReturnType<typeof createMemorySecretStore>).entries().values()][0] ?? null,
    );
    expect(stored?.refreshToken).toBe(f.endpoint.currentRefreshToken());
    expect(f.endpoint.counts).toMatchObject({ authorizationCode: 1, refresh: 0 });
    const page = await f.pages[0]!;
    expect(page.status).toBe(200);
    expect(page.body).toContain('signed in — you can close this tab');
    expect(JSON.stringify(f.settings.snapshot())).not.toContain(stored!.accessToken);
  });

  it('ends at once with access_denied when the person declines, and shows it in the browser', async () => {
    const f = setup();
    f.onBrowser(
      (url) => void f.redirectBack(url, { error: 'access_denied', state: f.stateOf(url) }),
    );
    expect(await codeOf(f.auth.signIn())).toBe('access_denied');
    expect(f.auth.status()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'access_denied' },
    });
    const page = await f.pages[0]!;
    expect(page.status).toBe(400);
    expect(page.body).toContain('You declined');
    expect(f.endpoint.counts.token).toBe(0);
  });

  it('shows the real failure in the browser when the token exchange fails', async () => {
    const f = setup();
    f.endpoint.failNext({
      status: 400,
      body: { reason: 'Invalid authorization code', error: 'invalid_grant' },
    });
    f.approveInBrowser();
    expect(await codeOf(f.auth.signIn())).toBe('token_exchange_failed');
    const page = await f.pages[0]!;
    expect(page.body).toContain('Sign-in did not complete');
    expect(page.body).toContain('Invalid authorization code');
    expect(page.body).not.toContain('signed in — you can close');
  });

  it('times out after 5 minutes with sign_in_timeout and closes the server', async () => {
    const f = setup();
    const result = codeOf(f.auth.signIn());
    await f.browserOpened();
    await f.clock.advance(4 * 60_000 + 59_000);
    expect(f.auth.status().kind).toBe('signing-in');
    await f.clock.advance(1000);
    expect(await result).toBe('sign_in_timeout');
    expect(f.auth.status()).toMatchObject({
      kind: 'signed-out',
      reason: { code: 'sign_in_timeout' },
    });
    const redirect = new URL(f.opened[0]!).searchParams.get('redirect_uri')!;
    await f.auth.dispose();
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('cancels with sign_in_cancelled and returns to signed-out without a reason', async () => {
    const f = setup();
    const result = codeOf(f.auth.signIn());
    await f.browserOpened();
    f.auth.cancelSignIn();
    expect(await result).toBe('sign_in_cancelled');
    expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
  });

  it('a second sign-in replaces the first: never two servers at once', async () => {
    let open = 0;
    let maxOpen = 0;
    const f = setup({
      overrides: {
        createLoopbackListener: async ({ expectedState }) => {
          const listener = await createLoopbackListener({
            expectedState,
            clock: f.clock, // read when the listener is created, after setup returns
          });
          open += 1;
          maxOpen = Math.max(maxOpen, open);
          let closed = false;
          return {
            redirectUri: listener.redirectUri,
            callback: listener.callback,
            finish: (page) => listener.finish(page),
            close: async () => {
              if (!closed) open -= 1;
              closed = true;
              await listener.close();
            },
          } satisfies LoopbackListener;
        },
      },
    });
    const first = codeOf(f.auth.signIn());
    await f.browserOpened(1);
    f.approveInBrowser();
    const second = f.auth.signIn();
    expect(await first).toBe('sign_in_cancelled');
    await second;
    expect(maxOpen).toBe(1);
    expect(f.opened).toHaveLength(2);
    expect(f.endpoint.counts.authorizationCode).toBe(1);
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
  });

  it('stays signing-in with the link when the browser cannot be opened, and can open it again', async () => {
    let attempts = 0;
    const f = setup({
      overrides: {
        openBrowser: async (url) => {
          attempts += 1;
          f.noteOpened(url);
          if (attempts === 1) throw new Error('xdg-open: no method available');
          void f.redirectBack(url, { code: f.endpoint.issueCode(), state: f.stateOf(url) });
        },
      },
    });
    const signIn = f.auth.signIn();
    await f.browserOpened(1);
    await f.clock.advance(0);
    const status = f.auth.status();
    expect(status.kind).toBe('signing-in');
    expect(status.kind === 'signing-in' ? status.authorizationUrl : null).toMatch(
      /^https:\/\/auth\.example\.test\/oauth\/authorize\?/,
    );
    await f.auth.reopenSignInPage();
    await signIn;
    expect(attempts).toBe(2);
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
  });

  it('reopenSignInPage without a pending sign-in is a clear error', async () => {
    const f = setup();
    expect(await codeOf(f.auth.reopenSignInPage())).toBe('not_signed_in');
  });

  it('accepts a matching custom-scheme deep link exactly once', async () => {
    const base = setup();
    const provider = {
      ...base.endpoint.provider,
      redirect: { kind: 'custom-scheme' as const, uri: 'meetingtray://oauth/callback' },
    };
    const f = setup({ overrides: { provider, fetch: base.endpoint.fetch } });
    const signIn = f.auth.signIn();
    await f.browserOpened();
    const authUrl = f.opened[0]!;
    expect(new URL(authUrl).searchParams.get('redirect_uri')).toBe('meetingtray://oauth/callback');
    const state = f.stateOf(authUrl);
    const code = base.endpoint.issueCode();
    expect(f.auth.handleDeepLink(`meetingtray://oauth/callback?code=${code}&state=wrong`)).toBe(
      false,
    );
    expect(f.auth.handleDeepLink(`meetingtray://evil/callback?code=${code}&state=${state}`)).toBe(
      false,
    );
    expect(f.auth.handleDeepLink(`meetingtray://oauth/callback?code=${code}&state=${state}`)).toBe(
      true,
    );
    expect(f.auth.handleDeepLink(`meetingtray://oauth/callback?code=${code}&state=${state}`)).toBe(
      false,
    );
    await signIn;
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
    expect(base.endpoint.counts.authorizationCode).toBe(1);
  });

  it('ignores deep links when no sign-in is pending', () => {
    const f = setup();
    expect(f.auth.handleDeepLink('meetingtray://oauth/callback?code=a&state=b')).toBe(false);
  });

  it('signs in session-only when the keychain is unavailable, writing nothing', async () => {
    const secrets = createMemorySecretStore({
      failWith: () => new Error("Couldn't access platform storage: AccessDenied"),
    });
    const f = setup({ secrets });
    await f.signIn();
    await f.auth.drain(1_000); // the first save runs beside the first fetch
    expect(f.auth.status()).toEqual({ kind: 'signed-in' });
    expect(f.auth.sessionOnlyNotice()).toMatchObject({ code: 'keychain_unavailable' });
    expect(secrets.entries().size).toBe(0);
    await expect(f.auth.getAccessToken()).resolves.toMatchObject({
      apiBaseUrl: 'https://api.example.test/v2',
    });
  });

  it('reports a locked macOS keychain as keychain_locked', async () => {
    const secrets = createMemorySecretStore({
      failWith: () => new Error('The user name or passphrase you entered is not correct.'),
    });
    const f = setup({ secrets });
    await f.auth.restore();
    expect(f.auth.sessionOnlyNotice()?.code).toBe('keychain_locked');
    expect(f.auth.status()).toEqual({ kind: 'signed-out', reason: null });
  });
});
