import type { AuthProviderConfig } from '../../main/core/config/auth-config.types.ts';
import type { Fetch } from '../../main/core/ports.ts';

type Scripted =
  | 'network'
  | {
      status: number;
      body?: unknown;
      /** Sent byte for byte instead of `body` (an HTML page, `1e400`, not JSON at all). */
      raw?: string;
      headers?: Record<string, string>;
    };

/** Field name → raw JSON text to send for it in the next token answer, or null to leave it out. */
export type AnswerEdit = Record<string, string | null>;

/**
 * An in-memory OAuth token + revocation endpoint behind the Fetch port, for unit tests of
 * the auth service with fake time. It rotates refresh tokens strictly (the old one dies),
 * answers Zoom-shaped errors, and can be scripted to fail or to hold responses.
 */
export function createFakeTokenEndpoint(options: { expiresIn?: number; apiUrl?: string } = {}) {
  const issuer = 'https://auth.example.test';
  const counts = { token: 0, authorizationCode: 0, refresh: 0, revoke: 0 };
  const codes = new Set<string>();
  let serial = 0;
  let validRefreshToken: string | null = null;
  const issuedSecrets: string[] = [];
  const script: Scripted[] = [];
  let gate: Promise<void> | null = null;
  let openGate: (() => void) | null = null;
  const edits: AnswerEdit[] = [];
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const scripted = (next: Exclude<Scripted, 'network'>) =>
    next.raw === undefined
      ? json(next.status, next.body ?? {}, next.headers)
      : new Response(next.raw, { status: next.status, headers: next.headers });

  const issueTokens = () => {
    serial += 1;
    const accessToken = `at-${serial}-${crypto.randomUUID()}`;
    const refreshToken = `rt-${serial}-${crypto.randomUUID()}`;
    const edit = edits.shift() ?? {};
    // An answer without a new refresh token leaves the old one valid (RFC 6749 §6).
    const withholdsRefreshToken = edit['refresh_token'] === null || edit['refresh_token'] === '""';
    if (!withholdsRefreshToken) validRefreshToken = refreshToken;
    issuedSecrets.push(accessToken, refreshToken);
    const fields: Record<string, string> = {
      access_token: JSON.stringify(accessToken),
      token_type: '"bearer"',
      refresh_token: JSON.stringify(refreshToken),
      expires_in: String(options.expiresIn ?? 3600),
      scope: '"user:read meeting:read"',
      ...(options.apiUrl ? { api_url: JSON.stringify(options.apiUrl) } : {}),
    };
    for (const [name, raw] of Object.entries(edit)) {
      if (raw === null) delete fields[name];
      else fields[name] = raw;
    }
    const text = `{${Object.entries(fields)
      .map(([name, raw]) => `${JSON.stringify(name)}:${raw}`)
      .join(',')}}`;
    return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  };

  const fetch: Fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const body = new URLSearchParams(
      init?.body instanceof URLSearchParams ? init.body : String(init?.body ?? ''),
    );
    if (gate) {
      const signal = init?.signal;
      const aborted = new Promise<never>((_, reject) => {
        if (signal?.aborted) reject(new DOMException('aborted', 'AbortError'));
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
      await Promise.race([gate, aborted]);
    }
    if (url === `${issuer}/oauth/revoke`) {
      counts.revoke += 1;
      const next = script.shift();
      if (next === 'network') throw new TypeError('fetch failed');
      if (next) return scripted(next);
      if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      if (body.get('token') === validRefreshToken) validRefreshToken = null;
      return json(200, { status: 'success' });
    }
    if (url !== `${issuer}/oauth/token`) return new Response('not found', { status: 404 });
    counts.token += 1;
    const grant = body.get('grant_type');
    if (grant === 'authorization_code') counts.authorizationCode += 1;
    if (grant === 'refresh_token') counts.refresh += 1;
    const next = script.shift();
    if (next === 'network') throw new TypeError('fetch failed');
    if (next) return scripted(next);
    if (grant === 'authorization_code') {
      const code = body.get('code') ?? '';
      if (!codes.delete(code) || !body.get('code_verifier'))
        return json(400, { reason: 'Invalid authorization code', error: 'invalid_grant' });
      return issueTokens();
    }
    if (grant === 'refresh_token') {
      if (!validRefreshToken || body.get('refresh_token') !== validRefreshToken)
        return json(400, { reason: 'Invalid Token!', error: 'invalid_grant' });
      return issueTokens();
    }
    return json(400, { reason: 'unsupported grant type', error: 'unsupported_grant_type' });
  };

  const provider: AuthProviderConfig = {
    server: {
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
    },
    client: { clientId: 'unit-test-client' },
    apiBaseUrl: 'https://api.example.test/v2',
    redirect: { kind: 'loopback' },
  };

  return {
    fetch,
    provider,
    counts,
    /** A code the endpoint will accept once, as if the person approved in the browser. */
    issueCode() {
      const code = `code-${crypto.randomUUID()}`;
      codes.add(code);
      issuedSecrets.push(code);
      return code;
    },
    failNext(...responses: Scripted[]) {
      script.push(...responses);
    },
    /** Shapes the next successful token answer: raw JSON per field, or null to drop it. */
    editNextAnswer(edit: AnswerEdit) {
      edits.push(edit);
    },
    /** Holds every response until release(), to pile up concurrent callers. */
    hold() {
      gate = new Promise((resolve) => {
        openGate = resolve;
      });
    },
    release() {
      gate = null;
      openGate?.();
    },
    currentRefreshToken: () => validRefreshToken,
    issuedSecrets: () => [...issuedSecrets],
  };
}
