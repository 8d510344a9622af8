import {
  clientIdProblem,
  clientSecretProblem,
  ZOOM_CLOUDS,
} from '../../../preload/shared/zoom-account-rules.ts';
import { AppError } from '../errors.ts';
import type { AuthProviderConfig, RedirectMode } from './auth-config.types.ts';
import { parseEndpointUrl } from './endpoint-url.ts';
import { zoomAuthorizationServer } from './zoom-server.ts';

/**
 * A Zoom account as a configuration source holds it, before validation: the environment, the
 * configuration built into the package, or what the person entered in Settings. Absent bases
 * mean Zoom's own cloud.
 */
export interface ZoomAccountFields {
  clientId: string;
  clientSecret?: string;
  oauthBase?: string;
  apiBase?: string;
}

/** What each field is called where it came from, so a refusal names the thing to fix. */
export type ZoomAccountFieldNames = Record<keyof ZoomAccountFields, string>;

/**
 * The one validation every source goes through (the rules are preload/shared's, which the
 * Settings screen shows as it is typed). Throws `config_invalid` naming the field.
 */
export function zoomProviderConfig(
  fields: ZoomAccountFields,
  names: ZoomAccountFieldNames,
  redirect: RedirectMode,
): AuthProviderConfig {
  const clientId = fields.clientId.trim();
  const idProblem = clientIdProblem(clientId);
  if (idProblem) throw new AppError('config_invalid', `${names.clientId} ${idProblem}`);
  const secret = fields.clientSecret;
  const secretProblem = secret === undefined ? null : clientSecretProblem(secret);
  if (secretProblem) throw new AppError('config_invalid', `${names.clientSecret} ${secretProblem}`);
  const oauthBase = parseEndpointUrl(
    names.oauthBase,
    fields.oauthBase ?? ZOOM_CLOUDS.zoom.oauthBase,
  );
  const apiBase = parseEndpointUrl(names.apiBase, fields.apiBase ?? ZOOM_CLOUDS.zoom.apiBase);
  return {
    server: zoomAuthorizationServer(oauthBase),
    client: secret ? { clientId, clientSecret: secret } : { clientId },
    apiBaseUrl: apiBase.href.replace(/\/+$/, ''),
    redirect,
  };
}
