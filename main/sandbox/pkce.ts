import { createHash } from 'node:crypto';

export type PkceMethod = 'S256' | 'plain';

/** Zoom defaults to `plain` when the method is absent; anything else is refused. */
export function parsePkceMethod(value: string | null): PkceMethod | null {
  if (value === null || value === '' || value === 'plain') return 'plain';
  return value === 'S256' ? 'S256' : null;
}

/** Zoom's docs disagree on padding, so '=' is ignored on both sides. */
function stripPadding(value: string): string {
  return value.replace(/=+$/, '');
}

export function verifyPkce(challenge: string, method: PkceMethod, verifier: string): boolean {
  const expected = stripPadding(challenge);
  if (method === 'plain') return stripPadding(verifier) === expected;
  return createHash('sha256').update(verifier).digest('base64url') === expected;
}
