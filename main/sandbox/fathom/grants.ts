// Fathom's token store (fathom-facts §1.4, §1.8): refresh tokens rotate and the old one dies at
// once (or after a grace period, a switch), the previous access token dies with it, nothing
// revokes, and "remove the app in Fathom" (disconnect) kills every grant. The snapshot has the
// Zoom sandbox's Grant shape, so its grant file keeps these across restarts too.
import type { Grant, GrantSnapshot } from '../grants.ts';
import { randomText } from '../token-format.ts';

export interface FathomTokenSet {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type FathomAccessLookup = { status: 'valid'; grant: Grant } | { status: 'invalid' };

export interface FathomGrantStore {
  create(subject: { clientId: string; userId: string; accountId: string }): FathomTokenSet;
  /** Rotates; undefined when the refresh token is unknown, rotated away (past grace) or not this client's. */
  refresh(refreshToken: string, clientId: string): FathomTokenSet | undefined;
  lookupAccessToken(accessToken: string): FathomAccessLookup;
  disconnectAll(): void;
  expireAccessTokens(): void;
}

/** Refresh tokens never expire on their own (Fathom documents no lifetime): far future. */
const NEVER = Number.MAX_SAFE_INTEGER;

/** Opaque, unguessable, and visibly the sandbox's (never mistaken for a real Fathom token). */
const mint = (kind: 'at' | 'rt') => `fsbx_${kind}_${randomText(43)}`;

export function createFathomGrantStore(deps: {
  now: () => number;
  accessTtlSeconds: number;
  refreshGraceSeconds: number;
  initial?: GrantSnapshot | null;
  onChange?: (snapshot: GrantSnapshot) => void;
}): FathomGrantStore {
  const grants = new Map<number, Grant>();
  const byAccess = new Map<string, number>();
  const byRefresh = new Map<string, number>();
  /** Rotated-away refresh tokens still inside their grace period (memory only). */
  const retired = new Map<string, { grantId: number; until: number }>();
  let nextId = 1;

  const index = (grant: Grant) => {
    grants.set(grant.id, grant);
    byAccess.set(grant.accessToken, grant.id);
    byRefresh.set(grant.refreshToken, grant.id);
  };
  const unindex = (grant: Grant) => {
    grants.delete(grant.id);
    byAccess.delete(grant.accessToken);
    byRefresh.delete(grant.refreshToken);
  };
  const changed = () =>
    deps.onChange?.({ nextId, grants: [...grants.values()].map((grant) => ({ ...grant })) });

  for (const grant of deps.initial?.grants ?? []) index({ ...grant, scopes: [...grant.scopes] });
  nextId = Math.max(deps.initial?.nextId ?? 1, ...[...grants.keys()].map((id) => id + 1));

  const toTokenSet = (grant: Grant): FathomTokenSet => ({
    accessToken: grant.accessToken,
    refreshToken: grant.refreshToken,
    expiresIn: deps.accessTtlSeconds,
  });
  const fresh = (
    base: Omit<Grant, 'accessToken' | 'accessExpiresAt' | 'refreshToken' | 'refreshExpiresAt'>,
  ): Grant => ({
    ...base,
    accessToken: mint('at'),
    accessExpiresAt: deps.now() + deps.accessTtlSeconds * 1000,
    refreshToken: mint('rt'),
    refreshExpiresAt: NEVER,
  });
  const grantOfRefresh = (token: string): Grant | undefined => {
    const id = byRefresh.get(token);
    if (id !== undefined) return grants.get(id);
    const old = retired.get(token);
    if (!old || old.until <= deps.now()) return undefined;
    return grants.get(old.grantId);
  };

  return {
    create(subject) {
      const grant = fresh({ id: nextId++, ...subject, scopes: ['public_api'] });
      index(grant);
      changed();
      return toTokenSet(grant);
    },
    refresh(refreshToken, clientId) {
      const grant = grantOfRefresh(refreshToken);
      if (!grant || grant.clientId !== clientId) return undefined;
      unindex(grant);
      if (deps.refreshGraceSeconds > 0) {
        retired.set(grant.refreshToken, {
          grantId: grant.id,
          until: deps.now() + deps.refreshGraceSeconds * 1000,
        });
      }
      const rotated = fresh({ ...grant });
      index(rotated);
      changed();
      return toTokenSet(rotated);
    },
    lookupAccessToken(accessToken) {
      const id = byAccess.get(accessToken);
      const grant = id === undefined ? undefined : grants.get(id);
      if (!grant || grant.accessExpiresAt <= deps.now()) return { status: 'invalid' };
      return { status: 'valid', grant };
    },
    disconnectAll() {
      for (const grant of [...grants.values()]) unindex(grant);
      retired.clear();
      changed();
    },
    expireAccessTokens() {
      const now = deps.now();
      for (const grant of grants.values())
        grant.accessExpiresAt = Math.min(grant.accessExpiresAt, now);
      changed();
    },
  };
}
