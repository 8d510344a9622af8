// Fathom's IPC arguments are untrusted like every other: checked here as `unknown`.
import type { FathomOAuthInput } from '../../preload/contract.ts';
import { invalidArgument } from './arg-guards.ts';

export const MAX_API_KEY_LENGTH = 512;
/** What a Fathom API key is made of (letters, digits and token punctuation), never spaces. */
const API_KEY_PATTERN = /^[A-Za-z0-9._~+/=:-]+$/;
const OAUTH_INPUT_KEYS = new Set(['clientId', 'clientSecret', 'redirectPort']);
const MAX_CLIENT_ID_INPUT = 264;
const MAX_CLIENT_SECRET_INPUT = 576;

/** Exactly one API key: non-empty, at most 512 characters, of a sane charset (trimmed first). */
export function expectApiKey(args: unknown): string {
  const [value] = oneArgument(args);
  if (typeof value !== 'string') throw invalidArgument('an API key must be text');
  const key = value.trim();
  if (key.length === 0) throw invalidArgument('empty API key');
  if (key.length > MAX_API_KEY_LENGTH)
    throw invalidArgument(`API key longer than ${MAX_API_KEY_LENGTH} characters`);
  if (!API_KEY_PATTERN.test(key)) throw invalidArgument('an API key has no such characters');
  return key;
}

/** Exactly one recording id: a positive safe integer. */
export function expectRecordingId(args: unknown): number {
  const [value] = oneArgument(args);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw invalidArgument('a recording id must be a positive whole number');
  return value;
}

/** Exactly one FathomOAuthInput, rebuilt field by field; its content is checked by the rules. */
export function expectFathomOAuthInput(args: unknown): FathomOAuthInput {
  const [value] = oneArgument(args);
  if (!isPlainRecord(value)) throw invalidArgument('a Fathom app expected');
  for (const key of Object.keys(value))
    if (!OAUTH_INPUT_KEYS.has(key)) throw invalidArgument('unexpected Fathom app field');
  if (typeof value.clientId !== 'string' || value.clientId.length > MAX_CLIENT_ID_INPUT)
    throw invalidArgument('the client ID must be text');
  if (
    value.clientSecret !== undefined &&
    (typeof value.clientSecret !== 'string' || value.clientSecret.length > MAX_CLIENT_SECRET_INPUT)
  )
    throw invalidArgument('the client secret must be text');
  if (typeof value.redirectPort !== 'number' || !Number.isSafeInteger(value.redirectPort))
    throw invalidArgument('the redirect port must be a whole number');
  return {
    clientId: value.clientId,
    ...(typeof value.clientSecret === 'string' && { clientSecret: value.clientSecret }),
    redirectPort: value.redirectPort,
  };
}

function oneArgument(args: unknown): [unknown] {
  if (!Array.isArray(args)) throw invalidArgument('arguments must be a list');
  if (args.length !== 1) throw invalidArgument('exactly one argument expected');
  return args as [unknown];
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
