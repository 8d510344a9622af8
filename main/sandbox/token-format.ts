import { randomBytes } from 'node:crypto';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Unguessable URL-safe text of exactly `length` characters. */
export function randomText(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 3)
    .toString('base64url')
    .slice(0, length);
}

/**
 * Zoom tokens look like HS512 JWTs but clients must treat them as opaque. These copy the look
 * (so length and charset checks in the app are realistic) and carry a random jti, never a secret.
 */
export function mintToken(
  kind: 'access_token' | 'refresh_token',
  claims: {
    clientId: string;
    userId: string;
    accountId: string;
    issuedAtMs: number;
    expiresAtMs: number;
  },
): string {
  const header = { alg: 'HS512', v: '2.0', kid: randomText(22) };
  const payload = {
    ver: 10,
    auid: randomText(22),
    uid: claims.userId,
    iss: `zm:cid:${claims.clientId}`,
    aid: claims.accountId,
    tokenType: kind,
    nbf: Math.floor(claims.issuedAtMs / 1000),
    iat: Math.floor(claims.issuedAtMs / 1000),
    exp: Math.floor(claims.expiresAtMs / 1000),
    jti: randomText(32),
  };
  return `${encode(header)}.${encode(payload)}.${randomText(86)}`;
}
