// GET /external/v1/oauth2/authorize shows the consent page; POST …/authorize/decision turns
// Allow or Deny into the redirect back to the app (fathom-facts §1.2, §1.5, §1.6, §4).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_NAME } from '../clients.ts';
import { renderConsentPage, renderMessagePage } from '../consent-page.ts';
import { readParams, sendHtml, sendRedirect } from '../http-io.ts';
import type { OneTimeStore } from '../one-time-store.ts';
import { parsePkceMethod, type PkceMethod } from '../pkce.ts';
import { isRedirectUriAllowed } from '../redirect-uri.ts';
import { FATHOM_SCOPE } from './clients.ts';

export const AUTHORIZE_PATH = '/external/v1/oauth2/authorize';
export const DECISION_PATH = '/external/v1/oauth2/authorize/decision';

export interface FathomPendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: PkceMethod;
}

export interface FathomIssuedCode extends FathomPendingAuthorization {
  userId: string;
}

export interface FathomAuthorizeDeps {
  client: { clientId: string; redirectUris: readonly string[] };
  redirectMatch: 'exact' | 'loopback-any-port';
  pkce: 'ignore' | 'enforce' | 'reject-param';
  deny: boolean;
  consents: OneTimeStore<FathomPendingAuthorization>;
  codes: OneTimeStore<FathomIssuedCode>;
  person: { name: string; email: string };
}

function redirectAllowed(deps: FathomAuthorizeDeps, requested: string): boolean {
  if (deps.redirectMatch === 'loopback-any-port')
    return isRedirectUriAllowed(requested, deps.client.redirectUris);
  return requested !== '' && deps.client.redirectUris.includes(requested);
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

function deadEnd(res: ServerResponse, title: string, message: string): void {
  const page = renderMessagePage(title, message, 'Fathom');
  sendHtml(res, 400, page.html, page.csp);
}

export function createFathomAuthorizeHandlers(deps: FathomAuthorizeDeps) {
  return {
    async show(_req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const params = url.searchParams;
      // A bad client or redirect never redirects: the browser shows a page instead.
      if (params.get('client_id') !== deps.client.clientId)
        return deadEnd(res, 'Unknown app', 'The client_id does not belong to a registered app.');
      const redirectUri = params.get('redirect_uri') ?? '';
      if (!redirectAllowed(deps, redirectUri)) {
        return deadEnd(
          res,
          'Redirect URL not registered',
          'The redirect_uri must match one of the app’s registered redirect URLs exactly.',
        );
      }
      const state = params.get('state');
      const refuse = (error: string, description: string) =>
        redirectBack(res, redirectUri, { error, error_description: description, state });
      if (params.get('response_type') !== 'code')
        return refuse('unsupported_response_type', 'response_type must be code.');
      if (params.get('scope') !== FATHOM_SCOPE)
        return refuse('invalid_scope', `scope must be ${FATHOM_SCOPE}.`);
      const codeChallenge = params.get('code_challenge') || null;
      const method = parsePkceMethod(params.get('code_challenge_method'));
      if (
        deps.pkce === 'reject-param' &&
        (codeChallenge !== null || params.has('code_challenge_method'))
      )
        return refuse('invalid_request', 'code_challenge is not supported.');
      if (deps.pkce === 'enforce' && (codeChallenge === null || method === null))
        return refuse('invalid_request', 'code_challenge is required.');
      if (deps.deny) return redirectBack(res, redirectUri, { error: 'access_denied', state });
      const consentId = deps.consents.issue({
        clientId: deps.client.clientId,
        redirectUri,
        state,
        // Ignored unless enforced: the token endpoint then never asks for a verifier.
        codeChallenge: deps.pkce === 'enforce' ? codeChallenge : null,
        codeChallengeMethod: method ?? 'plain',
      });
      const page = renderConsentPage({
        appName: APP_NAME,
        userName: deps.person.name,
        userEmail: deps.person.email,
        scopes: [FATHOM_SCOPE],
        consentId,
        redirectUri,
        provider: 'Fathom',
        decisionPath: DECISION_PATH,
      });
      sendHtml(res, 200, page.html, page.csp);
    },

    async decide(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const params = await readParams(req, url);
      const pending = deps.consents.take(params.get('consent_id') ?? '');
      const decision = params.get('decision');
      if (!pending || (decision !== 'allow' && decision !== 'deny')) {
        return deadEnd(
          res,
          'This connection request has expired',
          'Go back to Meeting Tray and choose Connect Fathom again to start a new request.',
        );
      }
      if (decision === 'deny')
        return redirectBack(res, pending.redirectUri, {
          error: 'access_denied',
          state: pending.state,
        });
      const code = deps.codes.issue({ ...pending, userId: deps.person.email });
      redirectBack(res, pending.redirectUri, { code, state: pending.state });
    },
  };
}
