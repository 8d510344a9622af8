// oidc-provider ships no TypeScript types; this covers the part the test server uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface ProviderClient {
    grantTypeAllowed(grantType: string): boolean;
  }

  interface ProviderConfiguration {
    clients?: Record<string, unknown>[];
    scopes?: string[];
    features?: Record<string, { enabled: boolean }>;
    ttl?: Record<string, number>;
    rotateRefreshToken?: boolean;
    issueRefreshToken?: (
      ctx: unknown,
      client: ProviderClient,
      code: unknown,
    ) => Promise<boolean> | boolean;
    cookies?: { keys: string[] };
  }

  export default class Provider {
    constructor(issuer: string, configuration?: ProviderConfiguration);
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  }
}
