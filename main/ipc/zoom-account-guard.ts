// The Settings screen's account input is untrusted like every IPC argument: its shape is checked
// here, its content by the same rules every configuration source follows (in the settings service).
import type { ClientSecretChange, ZoomAccountInput, ZoomCloud } from '../../preload/contract.ts';
import {
  MAX_CLIENT_ID_LENGTH,
  MAX_CLIENT_SECRET_LENGTH,
  MAX_ENDPOINT_LENGTH,
} from '../../preload/shared/zoom-account-rules.ts';
import { invalidArgument } from './arg-guards.ts';

const CLOUDS: readonly ZoomCloud[] = ['zoom', 'zoomgov', 'custom'];
const INPUT_KEYS = new Set(['clientId', 'cloud', 'oauthBase', 'apiBase', 'clientSecret']);

/** Exactly one ZoomAccountInput, rebuilt field by field so nothing else rides along. */
export function expectZoomAccountInput(args: unknown): ZoomAccountInput {
  if (!Array.isArray(args)) throw invalidArgument('arguments must be a list');
  if (args.length !== 1) throw invalidArgument('exactly one argument expected');
  const [value] = args as unknown[];
  if (!isPlainRecord(value)) throw invalidArgument('an account expected');
  for (const key of Object.keys(value))
    if (!INPUT_KEYS.has(key)) throw invalidArgument('unexpected account field');
  const clientId = text(value.clientId, MAX_CLIENT_ID_LENGTH + 64, 'client ID');
  if (!CLOUDS.includes(value.cloud as ZoomCloud)) throw invalidArgument('unknown cloud');
  const cloud = value.cloud as ZoomCloud;
  const oauthBase = optionalText(value.oauthBase, MAX_ENDPOINT_LENGTH, 'authorization server');
  const apiBase = optionalText(value.apiBase, MAX_ENDPOINT_LENGTH, 'API base');
  return {
    clientId,
    cloud,
    ...(oauthBase !== undefined && { oauthBase }),
    ...(apiBase !== undefined && { apiBase }),
    clientSecret: secretChange(value.clientSecret),
  };
}

function secretChange(value: unknown): ClientSecretChange {
  if (!isPlainRecord(value)) throw invalidArgument('a client secret change expected');
  const keys = Object.keys(value);
  if ((value.action === 'keep' || value.action === 'remove') && keys.length === 1)
    return { action: value.action };
  if (value.action === 'set' && keys.length === 2)
    return { action: 'set', value: text(value.value, MAX_CLIENT_SECRET_LENGTH, 'client secret') };
  throw invalidArgument('a client secret change expected');
}

function text(value: unknown, maxLength: number, what: string): string {
  if (typeof value !== 'string') throw invalidArgument(`${what} must be text`);
  if (value.length > maxLength) throw invalidArgument(`${what} is too long`);
  return value;
}

function optionalText(value: unknown, maxLength: number, what: string): string | undefined {
  return value === undefined ? undefined : text(value, maxLength, what);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
