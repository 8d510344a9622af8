// Defensive readers for JSON from the network: every field is `unknown` until checked.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readString(record: JsonRecord, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

export function readNumber(record: JsonRecord, key: string): number | null {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** An int64 identifier as digits, whether Zoom sent it as a number or a string. */
export function readIntegerId(record: JsonRecord, key: string): string | null {
  const value = record[key];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  return null;
}

/** Only http(s) links reach the renderer; anything else (javascript:, data:, junk) is dropped. */
export function readWebUrl(record: JsonRecord, key: string): string | null {
  const value = readString(record, key);
  if (value === null || value.length > 2048) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? value : null;
  } catch {
    return null;
  }
}

/**
 * JSON.parse that keeps integers beyond 2^53 exact: Zoom meeting ids are int64, and a
 * plain parse would silently round them. Such numbers come back as their digit string.
 * The source-reading reviver is several times slower than a plain parse, so it runs only
 * when the plain parse found an integer too big to be exact (today's ids have 10–11 digits).
 * @see https://github.com/tc39/proposal-json-parse-with-source
 */
export function parseJsonKeepingBigIntegers(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!hasUnsafeInteger(value)) return value;
  return JSON.parse(text, (_key: string, parsed: unknown, context?: { source?: string }) => {
    if (typeof parsed !== 'number' || Number.isSafeInteger(parsed)) return parsed;
    const source = context?.source;
    return source !== undefined && /^-?\d+$/.test(source) ? source : parsed;
  });
}

function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (typeof value !== 'object' || value === null) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value))
    if (hasUnsafeInteger(item)) return true;
  return false;
}
