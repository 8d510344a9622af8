/**
 * Field names whose values are always secrets, whatever the caller meant to log. `code` is not
 * here: it names our error codes far more often than an OAuth authorization code (see below).
 */
const SECRET_FIELD =
  /token|secret|password|passwd|^pwd$|verifier|code_?challenge|authorization|auth_?code|cookie|^state$|assertion/i;
/** A field that may hold either an error code (keep) or an OAuth authorization code (hide). */
const AMBIGUOUS_CODE_FIELD = /^code$/i;
/**
 * What an error code looks like: ours and OAuth's (`offline`, `invalid_grant`: lower-case words
 * joined by `_`), or Node's and undici's (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`). An
 * authorization code is a long random mix of cases and digits, so it never fits either shape by
 * chance (a 32-character one drawn from base64url is all lower-case letters with odds below
 * 1 in 10^12).
 */
const ERROR_CODE_SHAPE = /^(?:[a-z]{2,}(?:_[a-z]+)*|[A-Z]{2,}(?:_[A-Z]+)*)$/;
const MAX_ERROR_CODE_LENGTH = 40;
/** Query parameters that carry secrets inside URLs; `pwd` is Zoom's encoded meeting passcode. */
const SECRET_PARAM =
  /([?&#](?:code|state|access_token|refresh_token|id_token|token|code_verifier|client_secret|pwd|password)=)[^&#\s"']*/gi;
/** The same fields inside JSON text (a response body quoted in an error message). */
const SECRET_JSON_FIELD =
  /("(?:access_token|refresh_token|id_token|code_verifier|client_secret|password)"\s*:\s*")[^"]*/gi;
/** Bearer/Basic credentials and JWT-shaped strings. */
const CREDENTIAL = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;

export const REDACTED = '[redacted]';
const TOO_DEEP = '[nested too deep]';
const MAX_DEPTH = 4;

export function redactText(text: string): string {
  return text
    .replace(SECRET_PARAM, `$1${REDACTED}`)
    .replace(SECRET_JSON_FIELD, `$1${REDACTED}`)
    .replace(CREDENTIAL, `$1 ${REDACTED}`)
    .replace(JWT, REDACTED);
}

/**
 * True when a `code` field's value reads as an error code rather than a secret: a number
 * (Zoom's API codes, HTTP statuses) or a short string of the error-code shape. Anything else, an
 * object included, may be an authorization code and is hidden.
 */
export function isReadableErrorCode(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return (
    typeof value === 'string' &&
    value.length <= MAX_ERROR_CODE_LENGTH &&
    ERROR_CODE_SHAPE.test(value)
  );
}

function redactField(key: string, item: unknown, depth: number): unknown {
  if (SECRET_FIELD.test(key)) return REDACTED;
  if (AMBIGUOUS_CODE_FIELD.test(key)) return isReadableErrorCode(item) ? item : REDACTED;
  return redactFields(item, depth + 1);
}

/**
 * A second line of defence for logs: callers must not pass secrets, but if one slips
 * into a field named like a secret or into a URL, it is masked before it is written.
 */
export function redactFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than anything we log on purpose: unread, it could only hide a secret.
  if (depth > MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redactField(key, item, depth);
  return out;
}
