// Settings' Fathom section: the view (never a secret: only whether one is saved), and saving the
// OAuth client. A saved client replaces the one in use: an OAuth connection to the old client is
// ended and its keychain record wiped (fathom-connection.ts), then the next Connect uses the new.
import type { FathomOAuthInput, FathomSettingsView } from '../../../preload/contract.ts';
import { fathomRedirectUri } from '../config/fathom-provider-config.ts';
import { AppError } from '../errors.ts';
import type { FathomConnection } from '../fathom/fathom-connection.ts';
import type { Logger } from '../ports.ts';
import type { FathomAccountStore } from './fathom-account-store.ts';
import { checkFathomOAuthFields, FATHOM_SETTINGS_NAMES } from './fathom-oauth-rules.ts';
import {
  resolveFathomOAuth,
  type FathomOAuthSources,
  type ResolvedFathomOAuth,
} from './fathom-oauth-config.ts';

export interface FathomSettings {
  view(): FathomSettingsView;
  /** Validates and stores the client (its secret in the keychain), then uses it. */
  save(input: FathomOAuthInput): Promise<void>;
  /** Called when the view may have changed (the client, or the connected mode). */
  onChange(listener: () => void): () => void;
}

export interface FathomSettingsDeps {
  store: FathomAccountStore;
  /** The sources read at start, but the saved one (the store has it). */
  sources: Omit<FathomOAuthSources, 'saved'>;
  /** What was resolved at start (the connection was built with its provider). */
  initial: ResolvedFathomOAuth;
  connection: Pick<FathomConnection, 'mode' | 'setOAuthProvider' | 'subscribe'>;
  logger: Logger;
}

export function createFathomSettings(deps: FathomSettingsDeps): FathomSettings {
  const { store, connection, logger } = deps;
  let inUse = deps.initial;
  return {
    view() {
      const { source, provider, redirectPort } = inUse;
      const shown = source !== 'demo' && provider !== null;
      return {
        mode: connection.mode(),
        clientId: shown ? provider.client.clientId : '',
        hasClientSecret: shown && provider.client.clientSecret !== undefined,
        redirectPort,
        redirectUri: fathomRedirectUri(redirectPort),
        source,
      };
    },

    async save(input) {
      const clientId = input.clientId.trim();
      const secret = input.clientSecret?.trim() || (await store.readSecret());
      if (!secret)
        throw new AppError(
          'config_invalid',
          `${FATHOM_SETTINGS_NAMES.clientSecret} is empty. Fathom's sign-in needs the app's client secret.`,
        );
      const fields = { clientId, clientSecret: secret, redirectPort: input.redirectPort };
      // Validated before anything is stored, with the names of the Settings fields.
      checkFathomOAuthFields(fields, FATHOM_SETTINGS_NAMES);
      await store.write({ clientId, redirectPort: input.redirectPort }, secret);
      inUse = resolveFathomOAuth({ ...deps.sources, saved: fields });
      logger.info('a Fathom app was saved in Settings', { redirectPort: input.redirectPort });
      await connection.setOAuthProvider(inUse.provider);
    },

    onChange(listener) {
      // The connected mode is part of the view: a connection change may change it.
      let lastMode = connection.mode();
      return connection.subscribe(() => {
        const mode = connection.mode();
        if (mode === lastMode) return;
        lastMode = mode;
        listener();
      });
    },
  };
}
