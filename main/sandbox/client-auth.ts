// Client authentication at /oauth/token and /oauth/revoke (zoom-facts §1.3): the confidential
// client uses HTTP Basic only; the public client ID sends client_id in the body and no
// Authorization header at all.
import type { IncomingHttpHeaders } from 'node:http';
import type { ClientRegistry, RegisteredClient } from './clients.ts';

/** RFC 6749 §2.3.1: each half is form-encoded before base64 (oauth4webapi does this). */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function parseBasic(header: string): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const clientId = formDecode(decoded.slice(0, colon));
  const clientSecret = formDecode(decoded.slice(colon + 1));
  return clientId === null || clientSecret === null ? null : { clientId, clientSecret };
}

/** The authenticated client, or null (→ 400 invalid_client). */
export function authenticateClient(
  headers: IncomingHttpHeaders,
  params: URLSearchParams,
  clients: ClientRegistry,
): RegisteredClient | null {
  const bodyClientId = params.get('client_id');
  if (params.has('client_secret')) return null; // Zoom supports client_secret_basic only
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const basic = parseBasic(authorization);
    if (!basic) return null;
    const client = clients.find(basic.clientId);
    if (!client || client.clientSecret === null || client.clientSecret !== basic.clientSecret)
      return null;
    if (bodyClientId !== null && bodyClientId !== client.clientId) return null;
    return client;
  }
  const client = clients.find(bodyClientId ?? '');
  return client && client.clientSecret === null ? client : null;
}
