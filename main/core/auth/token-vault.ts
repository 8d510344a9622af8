import type { Notice } from '../../../preload/contract.ts';
import type { AuthProviderConfig } from '../config/auth-config.types.ts';
import type { Logger, SecretStore } from '../ports.ts';
import { classifyKeychainError } from '../secrets/keychain-errors.ts';
import { parseTokenSet, serializeTokenSet, type TokenSet } from './token-set.ts';

export interface TokenVault {
  load(): Promise<TokenSet | null>;
  /**
   * Persists the tokens. Resolves true once they are committed, false when the keychain failed
   * and the vault went session-only (nothing is written for the rest of this run).
   */
  save(tokens: TokenSet): Promise<boolean>;
  clear(): Promise<void>;
  /** Resolves once every write and delete asked for so far has finished. */
  idle(): Promise<void>;
  /** True while a write or delete is queued or running. */
  busy(): boolean;
  /** Set once the keychain failed: nothing is written for the rest of this run. */
  sessionOnlyNotice(): Notice | null;
}

/**
 * The keychain record for one provider + client. Writes and deletes run one at a time in the
 * order asked, so a sign-out's delete always lands after a refresh's save that began before it.
 * When the keychain cannot be used the vault stops writing (session-only) rather than putting
 * secrets anywhere else; the tokens then live only in the auth service's memory.
 */
export function createTokenVault(deps: {
  secrets: SecretStore;
  key: string;
  logger: Logger;
}): TokenVault {
  const { secrets, key, logger } = deps;
  let notice: Notice | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const degrade = (operation: string, error: unknown) => {
    notice = classifyKeychainError(error);
    // The error text comes from the OS keychain, never from our values.
    logger.warn('keychain unavailable; session-only mode', {
      operation,
      code: notice.code,
      error: error instanceof Error ? error.message : String(error),
    });
  };

  /** Runs `operation` after every earlier one; its own failure is handled inside it. */
  const enqueue = <T>(operation: () => Promise<T>): Promise<T> => {
    pending += 1;
    const run = queue.then(operation).finally(() => {
      pending -= 1;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    async load() {
      if (notice) return null;
      try {
        return parseTokenSet(await secrets.get(key));
      } catch (error) {
        degrade('read', error);
        return null;
      }
    },
    save: (tokens) =>
      enqueue(async () => {
        if (notice) return false;
        try {
          await secrets.set(key, serializeTokenSet(tokens));
          return true;
        } catch (error) {
          degrade('write', error);
          // The stored refresh token may just have been rotated away; don't leave it behind.
          await secrets.delete(key).catch(() => undefined);
          return false;
        }
      }),
    clear: () =>
      enqueue(async () => {
        try {
          await secrets.delete(key);
        } catch (error) {
          if (!notice) degrade('delete', error);
        }
      }),
    idle: () => queue.then(() => undefined),
    busy: () => pending > 0,
    sessionOnlyNotice: () => notice,
  };
}

/** One keychain account per server and client, so demo and real sign-ins never mix. */
export function tokenVaultKey(issuer: string, clientId: string): string {
  const host = URL.parse(issuer)?.host ?? issuer;
  return `oauth-tokens:${clientId}@${host}`;
}

/** The provider's keychain account: the one it names, else one per server and client. */
export function providerVaultKey(provider: AuthProviderConfig): string {
  return (
    provider.keychainAccount ?? tokenVaultKey(provider.server.issuer, provider.client.clientId)
  );
}
