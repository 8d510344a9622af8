import * as oauth from 'oauth4webapi';

function randomBase64Url(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
}

/** RFC 7636 §7.1: 32 CSPRNG octets, base64url-encoded, give a 43-character verifier with 256 bits of entropy. */
export function createCodeVerifier(): string {
  return randomBase64Url(32);
}

/** 256 random bits; compared exactly and used once per sign-in. */
export function createState(): string {
  return randomBase64Url(32);
}

export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export async function createPkcePair(): Promise<PkcePair> {
  const verifier = createCodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier), method: 'S256' };
}
