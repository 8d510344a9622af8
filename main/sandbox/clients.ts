import type { SandboxClients } from './types.ts';

/** Fixed so demo mode, the CLI and docs all show the same credentials. Not secret: sandbox only. */
export const DEMO_CLIENTS: Readonly<SandboxClients> = Object.freeze({
  confidential: Object.freeze({
    clientId: 'SandboxClientId01',
    clientSecret: 'SandboxClientSecret01NotARealSecret',
  }),
  public: Object.freeze({ clientId: 'SandboxPublicClient01' }),
});

export const DEFAULT_REDIRECT_URIS: readonly string[] = Object.freeze([
  'http://127.0.0.1/callback',
  'meetingtray://oauth/callback',
]);

/** The granular scopes the Meeting Tray app is configured with on the Marketplace. */
export const DEFAULT_SCOPES: readonly string[] = Object.freeze([
  'meeting:read:list_meetings',
  'user:read:user',
]);

export const APP_NAME = 'Meeting Tray';

export interface RegisteredClient {
  clientId: string;
  /** null for the public client ID, which authenticates with PKCE alone. */
  clientSecret: string | null;
  scopes: readonly string[];
  redirectUris: readonly string[];
}

export interface ClientRegistry {
  find(clientId: string): RegisteredClient | undefined;
}

export function createClientRegistry(options: {
  redirectUris: readonly string[];
  scopes: { confidential: readonly string[]; public: readonly string[] };
}): ClientRegistry {
  const clients: RegisteredClient[] = [
    {
      clientId: DEMO_CLIENTS.confidential.clientId,
      clientSecret: DEMO_CLIENTS.confidential.clientSecret,
      scopes: options.scopes.confidential,
      redirectUris: options.redirectUris,
    },
    {
      clientId: DEMO_CLIENTS.public.clientId,
      clientSecret: null,
      scopes: options.scopes.public,
      redirectUris: options.redirectUris,
    },
  ];
  return { find: (clientId) => clients.find((client) => client.clientId === clientId) };
}
