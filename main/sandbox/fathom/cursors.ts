// Opaque page cursors, like Fathom's (a documented one decodes to {"page_num":2}; clients must not
// parse them). Stateless, so they survive a restart; bound to the query they were issued for.
import { createHash } from 'node:crypto';

export function queryFingerprint(params: URLSearchParams): string {
  const kept = [...params]
    .filter(([key]) => key !== 'cursor')
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(kept)).digest('base64url').slice(0, 12);
}

export function encodeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ page_offset: offset, q: fingerprint })).toString('base64url');
}

/** The offset, or null for a cursor that is not ours or belongs to another query. */
export function decodeCursor(cursor: string, fingerprint: string): number | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { page_offset: offset, q } = value as { page_offset?: unknown; q?: unknown };
    if (
      q !== fingerprint ||
      typeof offset !== 'number' ||
      !Number.isSafeInteger(offset) ||
      offset < 0
    )
      return null;
    return offset;
  } catch {
    return null;
  }
}
