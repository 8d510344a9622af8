// The rules every source of a Fathom OAuth client passes (Settings, the environment, the
// packaged configuration), each refusal naming the field or variable to fix.
import { parseEndpointUrl } from '../config/endpoint-url.ts';
import { AppError } from '../errors.ts';

export interface FathomOAuthFields {
  clientId: string;
  clientSecret: string;
  redirectPort: number;
  /** Development only (FATHOM_OAUTH_BASE / FATHOM_API_BASE), e.g. the local Fathom sandbox. */
  oauthBase?: string;
  apiBase?: string;
}

export interface FathomOAuthFieldNames {
  clientId: string;
  clientSecret: string;
  redirectPort: string;
  oauthBase: string;
  apiBase: string;
}

export const FATHOM_SETTINGS_NAMES: FathomOAuthFieldNames = {
  clientId: "The Fathom app's client ID",
  clientSecret: "The Fathom app's client secret",
  redirectPort: 'The redirect port',
  oauthBase: 'The Fathom sign-in server',
  apiBase: 'The Fathom API base URL',
};

export const FATHOM_ENV_NAMES: FathomOAuthFieldNames = {
  clientId: 'FATHOM_CLIENT_ID',
  clientSecret: 'FATHOM_CLIENT_SECRET',
  redirectPort: 'FATHOM_REDIRECT_PORT',
  oauthBase: 'FATHOM_OAUTH_BASE',
  apiBase: 'FATHOM_API_BASE',
};

export const MAX_CLIENT_ID_LENGTH = 200;
export const MAX_CLIENT_SECRET_LENGTH = 512;
/** Above the well-known ports: the app listens as the person, never as an administrator. */
export const MIN_REDIRECT_PORT = 1024;
export const MAX_REDIRECT_PORT = 65_535;

/** Client IDs are tokens of letters, digits and a few marks; nothing that could break a URL. */
const CLIENT_ID_PATTERN = /^[A-Za-z0-9._~-]+$/;
/** Printable ASCII without spaces: secrets travel in a form body. */
const SECRET_PATTERN = /^[\x21-\x7e]+$/;

/** Throws `config_invalid` naming the first field that breaks a rule. */
export function checkFathomOAuthFields(fields: FathomOAuthFields, names: FathomOAuthFieldNames) {
  const refuse = (message: string): never => {
    throw new AppError('config_invalid', message);
  };
  const { clientId, clientSecret, redirectPort } = fields;
  if (!clientId) refuse(`${names.clientId} is empty.`);
  if (clientId.length > MAX_CLIENT_ID_LENGTH || !CLIENT_ID_PATTERN.test(clientId))
    refuse(`${names.clientId} has characters a Fathom client ID never has.`);
  if (!clientSecret)
    refuse(`${names.clientSecret} is empty. Fathom's sign-in needs the app's client secret.`);
  if (clientSecret.length > MAX_CLIENT_SECRET_LENGTH || !SECRET_PATTERN.test(clientSecret))
    refuse(`${names.clientSecret} has characters a Fathom client secret never has.`);
  if (!isRedirectPort(redirectPort))
    refuse(
      `${names.redirectPort} must be a whole number from ${MIN_REDIRECT_PORT} to ${MAX_REDIRECT_PORT}.`,
    );
  if (fields.oauthBase !== undefined) parseEndpointUrl(names.oauthBase, fields.oauthBase);
  if (fields.apiBase !== undefined) parseEndpointUrl(names.apiBase, fields.apiBase);
}

export function isRedirectPort(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_REDIRECT_PORT &&
    value <= MAX_REDIRECT_PORT
  );
}
