import type { Notice } from '../../../preload/contract.ts';
import type { Logger, SecretStore } from '../ports.ts';
import { classifyKeychainError } from '../secrets/keychain-errors.ts';
import { parseTokenSet, serializeTokenSet, type TokenSet } from './token-set.ts';

export interface TokenVault {
  load(): Promise<TokenSet | null>;
  /** Persists before the caller uses the tokens; falls back to session-only on a keychain failure. */
  save(tokens: TokenSet): Promise<void>;
  clear(): Promise<void>;
  /** Set once the keychain failed: nothing is written for the rest of this run. */
  sessionOnlyNotice(): Notice | null;
}

/**
 * The keychain record for one provider + client. When the keychain cannot be used the
 * vault stops writing (session-only) rather than putting secrets anywhere else; the
 * tokens then live only in the auth service's memory.
 */
export function createTokenVault(deps: {
  secrets: SecretStore;
  key: string;
  logger: Logger;
}): TokenVault {
  const { secrets, key, logger } = deps;
  let notice: Notice | null = null;

  const degrade = (operation: string, error: unknown) => {
    notice = classifyKeychainError(error);
    // The error text comes from the OS keychain, never from our values.
    logger.warn('keychain unavailable; session-only mode', {
      operation,
      code: notice.code,
      error: error instanceof Error ? error.message : String(error),
    });
  };

  return {
    async load() {
      if (notice) return null;
      try {
        const tokens = parseTokenSet(await secrets.get(key));
        return tokens;
      } catch (error) {
        degrade('read', error);
        return null;
      }
    },
    async save(tokens) {
      if (notice) return;
      try {
        await secrets.set(key, serializeTokenSet(tokens));
      } catch (error) {
        degrade('write', error);
        // The stored refresh token may just have been rotated away; don't leave it behind.
        await secrets.delete(key).catch(() => undefined);
      }
    },
    async clear() {
      try {
        await secrets.delete(key);
      } catch (error) {
        if (!notice) degrade('delete', error);
      }
    },
    sessionOnlyNotice: () => notice,
  };
}

/** One keychain account per server and client, so demo and real sign-ins never mix. */
export function tokenVaultKey(issuer: string, clientId: string): string {
  const host = URL.parse(issuer)?.host ?? issuer;
  return `oauth-tokens:${clientId}@${host}`;
}
