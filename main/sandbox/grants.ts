// The token store. Zoom semantics (zoom-facts §2): refresh tokens rotate and the old one dies
// at once, the previous access token dies too, and a new authorization for the same
// user + client supersedes the older grant. Revoking any token of a grant kills the grant.
import { mintToken } from './token-format.ts';

export interface Grant {
  id: number;
  clientId: string;
  userId: string;
  accountId: string;
  scopes: readonly string[];
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  scope: string;
}

export type AccessLookup =
  { status: 'valid'; grant: Grant } | { status: 'expired' } | { status: 'unknown' };

export type RevokeOutcome = 'revoked' | 'unknown' | 'other_client';

export interface GrantStore {
  /** Issues a fresh grant, invalidating every older grant of the same user + client. */
  create(subject: {
    clientId: string;
    userId: string;
    accountId: string;
    scopes: readonly string[];
  }): TokenSet;
  /**
   * Rotates a grant's tokens; undefined when the refresh token is unknown, dead, expired or not
   * this client's. `keepRefreshToken` renews only the access token (a server that does not rotate).
   */
  refresh(
    refreshToken: string,
    clientId: string,
    options?: { keepRefreshToken?: boolean },
  ): TokenSet | undefined;
  lookupAccessToken(accessToken: string): AccessLookup;
  revoke(token: string, clientId: string): RevokeOutcome;
}

/** Every live grant and the next id: what a restart needs to honour the tokens it handed out. */
export interface GrantSnapshot {
  nextId: number;
  grants: readonly Grant[];
}

export function createGrantStore(deps: {
  now: () => number;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Grants from an earlier run (demo mode keeps them in its data folder). */
  initial?: GrantSnapshot | null;
  /** Told after every change, with the grants as they now are. */
  onChange?: (snapshot: GrantSnapshot) => void;
}): GrantStore {
  const grants = new Map<number, Grant>();
  const byAccess = new Map<string, number>();
  const byRefresh = new Map<string, number>();
  let nextId = 1;

  const add = (grant: Grant) => {
    grants.set(grant.id, grant);
    byAccess.set(grant.accessToken, grant.id);
    byRefresh.set(grant.refreshToken, grant.id);
  };
  const drop = (grant: Grant) => {
    grants.delete(grant.id);
    byAccess.delete(grant.accessToken);
    byRefresh.delete(grant.refreshToken);
  };
  const changed = () =>
    deps.onChange?.({ nextId, grants: [...grants.values()].map((grant) => ({ ...grant })) });

  for (const grant of deps.initial?.grants ?? []) {
    // A grant whose refresh token has died can never be used again: leave it behind.
    if (grant.refreshExpiresAt > deps.now()) add({ ...grant, scopes: [...grant.scopes] });
  }
  nextId = Math.max(deps.initial?.nextId ?? 1, ...[...grants.keys()].map((id) => id + 1));

  const mintInto = (
    grant: Omit<Grant, 'accessToken' | 'accessExpiresAt' | 'refreshToken' | 'refreshExpiresAt'>,
    keep?: Pick<Grant, 'refreshToken' | 'refreshExpiresAt'>,
  ): Grant => {
    const issuedAtMs = deps.now();
    const claims = {
      clientId: grant.clientId,
      userId: grant.userId,
      accountId: grant.accountId,
      issuedAtMs,
    };
    const accessExpiresAt = issuedAtMs + deps.accessTtlSeconds * 1000;
    const refreshExpiresAt = issuedAtMs + deps.refreshTtlSeconds * 1000;
    const full: Grant = {
      ...grant,
      accessToken: mintToken('access_token', { ...claims, expiresAtMs: accessExpiresAt }),
      accessExpiresAt,
      refreshToken: mintToken('refresh_token', { ...claims, expiresAtMs: refreshExpiresAt }),
      refreshExpiresAt,
      ...keep,
    };
    add(full);
    return full;
  };

  const toTokenSet = (grant: Grant): TokenSet => ({
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    expiresIn: deps.accessTtlSeconds,
    scope: [...grant.scopes].sort().join(' '),
  });

  const grantOf = (token: string): Grant | undefined => {
    const id = byAccess.get(token) ?? byRefresh.get(token);
    return id === undefined ? undefined : grants.get(id);
  };

  return {
    create(subject) {
      for (const grant of [...grants.values()]) {
        if (grant.clientId === subject.clientId && grant.userId === subject.userId) drop(grant);
      }
      const tokens = toTokenSet(
        mintInto({ id: nextId++, ...subject, scopes: [...subject.scopes] }),
      );
      changed();
      return tokens;
    },
    refresh(refreshToken, clientId, options) {
      const id = byRefresh.get(refreshToken);
      const grant = id === undefined ? undefined : grants.get(id);
      if (!grant || grant.clientId !== clientId) return undefined;
      drop(grant);
      if (grant.refreshExpiresAt <= deps.now()) {
        changed();
        return undefined;
      }
      const tokens = toTokenSet(
        mintInto(
          {
            id: grant.id,
            clientId,
            userId: grant.userId,
            accountId: grant.accountId,
            scopes: grant.scopes,
          },
          options?.keepRefreshToken
            ? { refreshToken: grant.refreshToken, refreshExpiresAt: grant.refreshExpiresAt }
            : undefined,
        ),
      );
      changed();
      return tokens;
    },
    lookupAccessToken(accessToken) {
      const id = byAccess.get(accessToken);
      const grant = id === undefined ? undefined : grants.get(id);
      if (!grant) return { status: 'unknown' };
      if (grant.accessExpiresAt <= deps.now()) return { status: 'expired' };
      return { status: 'valid', grant };
    },
    revoke(token, clientId) {
      const grant = grantOf(token);
      if (!grant) return 'unknown';
      if (grant.clientId !== clientId) return 'other_client';
      drop(grant);
      changed();
      return 'revoked';
    },
  };
}
