// A personal Fathom API key as the credential: kept only in the OS keychain, never logged.
import { AppError, isAppError } from '../errors.ts';
import type { Clock, Fetch, Logger, SecretStore } from '../ports.ts';
import { classifyKeychainError } from '../secrets/keychain-errors.ts';
import { createFathomApi } from './fathom-api.ts';
import type { FathomCredential, FathomCredentialSource } from './fathom-api.types.ts';
import { credentialRefusedError } from './fathom-errors.ts';

/** The keychain account the key is kept under unless the caller names another. */
export const FATHOM_API_KEY_ACCOUNT = 'fathom:api-key';

export interface ApiKeyCredentialSource extends FathomCredentialSource {
  /** Stores the key in the keychain (and nowhere else); rejects with a keychain AppError. */
  save(apiKey: string): Promise<void>;
  /** Deletes the key from the keychain. */
  clear(): Promise<void>;
  /** True when a key is stored. */
  has(): Promise<boolean>;
}

const notConnected = () =>
  new AppError('not_signed_in', 'Fathom is not connected. Enter an API key or connect Fathom.');

function keychainError(error: unknown): AppError {
  const notice = classifyKeychainError(error);
  return new AppError(notice.code, notice.message);
}

/**
 * The key is read from the keychain once and then kept in memory for this run, like an access
 * token. A 401 cannot be fixed by asking again: `forceRefresh` rejects with fathom_key_invalid.
 */
export function createApiKeyCredentialSource(deps: {
  secrets: SecretStore;
  /** Keychain account; default FATHOM_API_KEY_ACCOUNT. */
  key?: string;
}): ApiKeyCredentialSource {
  const { secrets } = deps;
  const account = deps.key ?? FATHOM_API_KEY_ACCOUNT;
  let cached: string | null = null;

  async function read(): Promise<string | null> {
    if (cached !== null) return cached;
    try {
      cached = await secrets.get(account);
    } catch (error) {
      throw keychainError(error);
    }
    return cached;
  }

  return {
    async current(options) {
      if (options?.forceRefresh) throw credentialRefusedError('api-key');
      const apiKey = await read();
      if (apiKey === null || apiKey === '') throw notConnected();
      return { kind: 'api-key', apiKey };
    },
    async save(apiKey) {
      try {
        await secrets.set(account, apiKey);
      } catch (error) {
        throw keychainError(error);
      }
      cached = apiKey;
    },
    async clear() {
      cached = null;
      try {
        await secrets.delete(account);
      } catch (error) {
        throw keychainError(error);
      }
    },
    has: async () => ((await read()) ?? '') !== '',
  };
}

/**
 * Checks a key with one cheap call (the first page of meetings from the past day) before it is
 * stored. Resolves when Fathom accepts it; rejects with fathom_key_invalid when refused, or with
 * the call's own AppError (offline, timeout, rate_limited …).
 */
export async function validateFathomApiKey(
  deps: { fetch: Fetch; baseUrl: string; clock: Clock; logger: Logger; deadlineMs?: number },
  apiKey: string,
): Promise<void> {
  const candidate: FathomCredential = { kind: 'api-key', apiKey: apiKey.trim() };
  if (candidate.apiKey === '') throw credentialRefusedError('api-key');
  const api = createFathomApi({
    ...deps,
    maxPages: 1,
    credentials: {
      async current(options) {
        if (options?.forceRefresh) throw credentialRefusedError('api-key');
        return candidate;
      },
    },
  });
  try {
    await api.listMeetings({ since: new Date(deps.clock.now() - 86_400_000), userInitiated: true });
  } catch (error) {
    throw isAppError(error) ? error : new AppError('unknown', 'Could not check the API key.');
  }
}
