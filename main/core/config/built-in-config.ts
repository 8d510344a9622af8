import { AppError } from '../errors.ts';
import { checkFathomOAuthFields, type FathomOAuthFields } from '../settings/fathom-oauth-rules.ts';
import { FATHOM_DEFAULT_REDIRECT_PORT } from './fathom-provider-config.ts';
import {
  zoomProviderConfig,
  type ZoomAccountFieldNames,
  type ZoomAccountFields,
} from './zoom-account-config.ts';

/**
 * The configuration built into a package (`ZOOM_CLIENT_ID=… npm run dist` writes it next to the
 * main bundle as app-config.json): `{ "zoom": { "clientId", "oauthBase"?, "apiBase"? } }`.
 * It never holds a secret: anything in a package is readable by whoever has the package.
 */
export interface BuiltInConfig {
  /** Where it was read from, for messages. */
  file: string;
  zoom: Omit<ZoomAccountFields, 'clientSecret'>;
  /**
   * Fathom's OAuth client, optional: `"fathom": { "clientId", "clientSecret", "redirectPort"? }`.
   * Unlike Zoom's, it carries a secret, because Fathom's token endpoint needs one at every
   * exchange and refresh and offers no PKCE-only client (fathom-facts §1.10 a): whoever ships
   * it accepts that it can be read out of the package. Packages without it offer the API key.
   */
  fathom?: FathomOAuthFields;
}

const ZOOM_KEYS = new Set(['clientId', 'oauthBase', 'apiBase']);
const FATHOM_KEYS = new Set(['clientId', 'clientSecret', 'redirectPort']);

/**
 * Parses and validates the file's text with the rules the environment follows. Every refusal
 * is `config_invalid` and names the file and the field, because only whoever built the package
 * can fix it.
 */
export function parseBuiltInConfig(text: string, file: string): BuiltInConfig {
  const refuse = (detail: string): never => {
    throw new AppError(
      'config_invalid',
      `The built-in configuration ${file} ${detail} Rebuild the package, or delete the file to use Settings.`,
    );
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('is not valid JSON.');
  }
  if (!isRecord(json) || !isRecord(json.zoom))
    return refuse('must look like { "zoom": { "clientId": "…" } }.');
  const zoom = json.zoom;
  if ('clientSecret' in zoom)
    return refuse('contains a client secret. A package must never carry one; remove it.');
  for (const key of Object.keys(zoom))
    if (!ZOOM_KEYS.has(key)) refuse(`has an unknown field "zoom.${key}".`);
  for (const key of ZOOM_KEYS)
    if (key in zoom && typeof zoom[key] !== 'string')
      refuse(`has a "zoom.${key}" that is not text.`);
  const fields = {
    clientId: typeof zoom.clientId === 'string' ? zoom.clientId : '',
    ...(typeof zoom.oauthBase === 'string' && { oauthBase: zoom.oauthBase }),
    ...(typeof zoom.apiBase === 'string' && { apiBase: zoom.apiBase }),
  };
  // The same validation as every other source, with the file in each name.
  zoomProviderConfig(fields, builtInFieldNames(file), { kind: 'loopback' });
  if (json.fathom === undefined) return { file, zoom: fields };
  return { file, zoom: fields, fathom: parseFathomSection(json.fathom, file, refuse) };
}

function parseFathomSection(
  fathom: unknown,
  file: string,
  refuse: (detail: string) => never,
): FathomOAuthFields {
  if (!isRecord(fathom))
    return refuse('has a "fathom" that must look like { "clientId": "…", "clientSecret": "…" }.');
  for (const key of Object.keys(fathom))
    if (!FATHOM_KEYS.has(key)) refuse(`has an unknown field "fathom.${key}".`);
  if (typeof fathom.clientId !== 'string') refuse('has a "fathom.clientId" that is not text.');
  if (typeof fathom.clientSecret !== 'string')
    refuse('has a "fathom.clientSecret" that is not text.');
  if (fathom.redirectPort !== undefined && typeof fathom.redirectPort !== 'number')
    refuse('has a "fathom.redirectPort" that is not a number.');
  const fields: FathomOAuthFields = {
    clientId: String(fathom.clientId),
    clientSecret: String(fathom.clientSecret),
    redirectPort:
      typeof fathom.redirectPort === 'number' ? fathom.redirectPort : FATHOM_DEFAULT_REDIRECT_PORT,
  };
  checkFathomOAuthFields(fields, {
    clientId: `"fathom.clientId" in ${file}`,
    clientSecret: `"fathom.clientSecret" in ${file}`,
    redirectPort: `"fathom.redirectPort" in ${file}`,
    oauthBase: `"fathom.oauthBase" in ${file}`,
    apiBase: `"fathom.apiBase" in ${file}`,
  });
  return fields;
}

/** Each field as the file spells it, with the file's path, e.g. `"zoom.clientId" in …/app-config.json`. */
export function builtInFieldNames(file: string): ZoomAccountFieldNames {
  return {
    clientId: `"zoom.clientId" in ${file}`,
    clientSecret: `"zoom.clientSecret" in ${file}`,
    oauthBase: `"zoom.oauthBase" in ${file}`,
    apiBase: `"zoom.apiBase" in ${file}`,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
