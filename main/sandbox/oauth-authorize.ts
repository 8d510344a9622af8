// GET /oauth/authorize shows the consent page; POST /oauth/authorize/decision turns the
// person's Allow or Deny into the redirect back to the app (zoom-facts §1.1, §12).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_NAME, type ClientRegistry } from './clients.ts';
import { renderConsentPage, renderMessagePage } from './consent-page.ts';
import { readParams, sendHtml, sendJson, sendRedirect } from './http-io.ts';
import type { OneTimeStore } from './one-time-store.ts';
import { parsePkceMethod, type PkceMethod } from './pkce.ts';
import { isRedirectUriAllowed } from './redirect-uri.ts';

export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: PkceMethod;
  scopes: readonly string[];
}

export interface IssuedCode extends PendingAuthorization {
  userId: string;
  accountId: string;
}

export interface AuthorizeDeps {
  clients: ClientRegistry;
  consents: OneTimeStore<PendingAuthorization>;
  codes: OneTimeStore<IssuedCode>;
  user: { id: string; account_id: string; display_name: string; email: string };
}

/** Zoom answers a bad client or redirect with a JSON page in the browser, never a redirect. */
function zoomErrorPage(res: ServerResponse, errorCode: number, errorMessage: string): void {
  sendJson(res, 200, { status: false, errorCode, errorMessage, result: null });
}

function redirectBack(
  res: ServerResponse,
  redirectUri: string,
  params: Record<string, string | null>,
): void {
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params))
    if (value !== null) target.searchParams.set(key, value);
  sendRedirect(res, target.href);
}

export function createAuthorizeHandlers(deps: AuthorizeDeps) {
  return {
    async show(_req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const params = url.searchParams;
      const client = deps.clients.find(params.get('client_id') ?? '');
      if (!client) return zoomErrorPage(res, 4702, 'Invalid client_id');
      const redirectUri = params.get('redirect_uri') ?? '';
      if (!isRedirectUriAllowed(redirectUri, client.redirectUris))
        return zoomErrorPage(res, 4700, 'Invalid redirect url');
      const state = params.get('state');
      if (params.get('response_type') !== 'code') {
        return redirectBack(res, redirectUri, { error: 'unsupported_response_type', state });
      }
      const codeChallenge = params.get('code_challenge') || null;
      const method = parsePkceMethod(params.get('code_challenge_method'));
      if (method === null || (client.clientSecret === null && codeChallenge === null)) {
        return redirectBack(res, redirectUri, { error: 'invalid_request', state });
      }
      const consentId = deps.consents.issue({
        clientId: client.clientId,
        redirectUri,
        state,
        codeChallenge,
        codeChallengeMethod: method,
        scopes: client.scopes,
      });
      const page = renderConsentPage({
        appName: APP_NAME,
        userName: deps.user.display_name,
        userEmail: deps.user.email,
        // Zoom lists the profile scope first; reverse order of the sorted names gives the same.
        scopes: [...client.scopes].sort().reverse(),
        consentId,
        redirectUri,
      });
      sendHtml(res, 200, page.html, page.csp);
    },

    async decide(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const params = await readParams(req, url);
      const pending = deps.consents.take(params.get('consent_id') ?? '');
      const decision = params.get('decision');
      if (!pending || (decision !== 'allow' && decision !== 'deny')) {
        const page = renderMessagePage(
          'This sign-in request has expired',
          'Go back to Meeting Tray and choose Sign in again to start a new request.',
        );
        return sendHtml(res, 400, page.html, page.csp);
      }
      if (decision === 'deny')
        return redirectBack(res, pending.redirectUri, {
          error: 'access_denied',
          state: pending.state,
        });
      const code = deps.codes.issue({
        ...pending,
        userId: deps.user.id,
        accountId: deps.user.account_id,
      });
      redirectBack(res, pending.redirectUri, { code, state: pending.state });
    },
  };
}
