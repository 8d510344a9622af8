// A standard OAuth 2.0 authorization server for integration tests: panva/oidc-provider on
// 127.0.0.1, configured like a careful native-app server (public client, PKCE required,
// any loopback port, strict refresh-token rotation with reuse detection, RFC 7009
// revocation, 60-second access tokens). approve()/deny() play the person in the browser
// through devInteractions over plain HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as oauth from 'oauth4webapi';
import Provider from 'oidc-provider';

export interface TestAuthorizationServer {
  issuer: string;
  clientId: string;
  /** Its RFC 8414 metadata, read from /.well-known/oauth-authorization-server as a client would. */
  discover(): Promise<oauth.AuthorizationServer>;
  /** Token-endpoint requests by grant type, and revocation requests. */
  counts: { token: number; revocation: number };
  approve(authorizationUrl: string): Promise<URL>;
  deny(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

const CLIENT_ID = 'meeting-tray-native';

export async function startOidcProvider(
  options: { accessTokenTtlSeconds?: number } = {},
): Promise<TestAuthorizationServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    scopes: ['openid', 'offline_access', 'meetings'],
    features: { revocation: { enabled: true }, devInteractions: { enabled: true } },
    ttl: {
      AccessToken: options.accessTokenTtlSeconds ?? 60,
      RefreshToken: 3600,
      AuthorizationCode: 60,
      Grant: 3600,
      Session: 3600,
      Interaction: 600,
    },
    rotateRefreshToken: true,
    // Like Zoom, issue refresh tokens without asking for offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    cookies: { keys: ['meeting-tray-test-only-key'] },
  });
  const counts = { token: 0, revocation: 0 };
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && req.url?.startsWith('/token/revocation')) counts.revocation += 1;
    else if (req.method === 'POST' && req.url?.startsWith('/token')) counts.token += 1;
    void handle(req, res);
  });

  /** Follows redirects by hand with a cookie jar until one leaves the server (the app's redirect). */
  async function drive(
    authorizationUrl: string,
    decide: (interactionUrl: URL, cookies: string) => Promise<Response>,
  ): Promise<URL> {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const remember = (response: Response) => {
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    };
    let next: Response = await fetch(authorizationUrl, { redirect: 'manual' });
    for (let hop = 0; hop < 12; hop += 1) {
      remember(next);
      const location = next.headers.get('location');
      if (!location)
        throw new Error(
          `oidc-provider stopped at HTTP ${next.status}: ${(await next.text()).slice(0, 300)}`,
        );
      const target = new URL(location, issuer);
      if (target.origin !== issuer) return target;
      if (target.pathname.startsWith('/interaction/')) {
        next = await decide(target, cookieHeader());
      } else {
        next = await fetch(target, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      }
    }
    throw new Error('oidc-provider redirected too many times');
  }

  const submit = async (interactionUrl: URL, cookies: string): Promise<Response> => {
    const page = await fetch(interactionUrl, { headers: { cookie: cookies } });
    const html = await page.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'consent';
    const body = new URLSearchParams({ prompt, login: 'test-user', password: 'any' });
    return fetch(interactionUrl, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { cookie: cookies },
    });
  };

  return {
    issuer,
    clientId: CLIENT_ID,
    async discover() {
      const response = await oauth.discoveryRequest(new URL(issuer), {
        algorithm: 'oauth2',
        [oauth.allowInsecureRequests]: true, // plain HTTP on 127.0.0.1
      });
      return oauth.processDiscoveryResponse(new URL(issuer), response);
    },
    counts,
    approve: (url) => drive(url, submit),
    deny: (url) =>
      drive(url, (interactionUrl, cookies) =>
        fetch(new URL(`${interactionUrl.pathname}/abort`, issuer), {
          redirect: 'manual',
          headers: { cookie: cookies },
        }),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
