/** Tokens from one successful token response. Lives only in memory and the keychain. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** epoch ms: when the request was sent plus expires_in, so skew errs on the early side. */
  expiresAt: number;
  /** epoch ms when the request was sent. */
  obtainedAt: number;
  /** e.g. https://api.zoom.us/v2, from Zoom's `api_url` when present. */
  apiBaseUrl: string;
}

/** Serialised form in the keychain: one JSON record, versioned so the shape can change. */
interface StoredTokenSetV1 extends TokenSet {
  v: 1;
}

export function serializeTokenSet(tokens: TokenSet): string {
  const record: StoredTokenSetV1 = { v: 1, ...tokens };
  return JSON.stringify(record);
}

/** Returns null for anything that is not a complete record, so a corrupt entry reads as "signed out". */
export function parseTokenSet(text: string | null): TokenSet | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<StoredTokenSetV1>;
  const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;
  const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (
    record.v !== 1 ||
    !isText(record.accessToken) ||
    !isText(record.refreshToken) ||
    !isText(record.apiBaseUrl)
  )
    return null;
  if (!isTime(record.expiresAt) || !isTime(record.obtainedAt)) return null;
  return {
    accessToken: record.accessToken,
    refreshToken: record.refreshToken,
    expiresAt: record.expiresAt,
    obtainedAt: record.obtainedAt,
    apiBaseUrl: record.apiBaseUrl,
  };
}

// --- expires_in ---------------------------------------------------------------

/** Zoom documents one-hour access tokens; used when expires_in is missing, 0 or unusable. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
/**
 * A floor, so a tiny expires_in (1 s) cannot turn the refresh schedule into a request storm;
 * a token that really dies sooner is renewed on its first 401, as any rejected token is.
 */
export const MIN_TOKEN_LIFETIME_SECONDS = 60;
/** A cap far below setTimeout's 2^31−1 ms (≈ 24.8 days), so no refresh timer can overflow. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/**
 * How long to believe a new access token lives, from the raw `expires_in` of a token answer.
 * RFC 6749 §5.1 makes it a number of seconds; a digit string is read as that number. Missing,
 * zero, negative, infinite (a JSON `1e400`) or non-numeric values get the default; the rest is
 * clamped between the floor and the cap. Never throws: an odd lifetime must not cost a rotated
 * refresh token.
 */
export function tokenLifetimeSeconds(expiresIn: unknown): number {
  const seconds =
    typeof expiresIn === 'number'
      ? expiresIn
      : typeof expiresIn === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(expiresIn)
        ? Number(expiresIn)
        : Number.NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_TOKEN_LIFETIME_SECONDS;
  return Math.min(MAX_TOKEN_LIFETIME_SECONDS, Math.max(MIN_TOKEN_LIFETIME_SECONDS, seconds));
}
