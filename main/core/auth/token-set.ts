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
