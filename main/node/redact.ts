/** Field names whose values are secrets, whatever the caller meant to log. */
const SECRET_FIELD =
  /token|secret|password|verifier|code_?challenge|authorization|cookie|^code$|^state$|assertion/i;
/** Query parameters that carry secrets inside URLs. */
const SECRET_PARAM =
  /([?&#](?:code|state|access_token|refresh_token|id_token|token|code_verifier|client_secret)=)[^&#\s"']*/gi;
/** Bearer/Basic credentials and JWT-shaped strings. */
const CREDENTIAL = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  return text
    .replace(SECRET_PARAM, `$1${REDACTED}`)
    .replace(CREDENTIAL, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED);
}

/**
 * A second line of defence for logs: callers must not pass secrets, but if one slips
 * into a field named like a secret or into a URL, it is masked before it is written.
 */
export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) ? REDACTED : redactFields(item, depth + 1);
  }
  return out;
}
