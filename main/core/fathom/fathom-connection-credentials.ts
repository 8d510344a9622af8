// The credential a personal API key makes, held in memory by the connection: validated before
// it is stored (connectApiKey), then read once from the keychain at start. A key has nothing to
// refresh, so a 401 ends it with fathom_key_invalid.
import { AppError } from '../errors.ts';
import type { FathomCredentialSource } from './fathom-api.types.ts';

export function keyCredentials(apiKey: string): FathomCredentialSource {
  return {
    async current(options) {
      if (options?.forceRefresh) throw fathomKeyInvalid();
      return { kind: 'api-key', apiKey };
    },
  };
}

export function fathomKeyInvalid(): AppError {
  return new AppError(
    'fathom_key_invalid',
    'Fathom did not accept this API key. Create a new one in Fathom (Settings › API Access) and paste it again.',
  );
}
