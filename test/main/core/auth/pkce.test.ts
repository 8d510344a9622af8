import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAuthorizationUrl } from '../../../../main/core/auth/authorization-url.ts';
import {
  createCodeVerifier,
  createPkcePair,
  createState,
} from '../../../../main/core/auth/pkce.ts';
import { zoomAuthorizationServer } from '../../../../main/core/config/zoom-server.ts';

describe('PKCE and state', () => {
  it('makes a 43-character verifier from 32 random bytes, different every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const verifier = createCodeVerifier();
      expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
      expect(Buffer.from(verifier, 'base64url')).toHaveLength(32);
      seen.add(verifier);
    }
    expect(seen.size).toBe(200);
  });

  it('derives the S256 challenge as base64url(SHA-256(verifier))', async () => {
    const pair = await createPkcePair();
    expect(pair.method).toBe('S256');
    expect(pair.challenge).toBe(createHash('sha256').update(pair.verifier).digest('base64url'));
  });

  it('makes a state with at least 128 bits of entropy', () => {
    const states = new Set(Array.from({ length: 200 }, () => createState()));
    expect(states.size).toBe(200);
    for (const state of states)
      expect(Buffer.from(state, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('builds the authorization URL with S256 and no scope for Zoom', () => {
    const url = buildAuthorizationUrl(zoomAuthorizationServer(), {
      clientId: 'client',
      redirectUri: 'http://127.0.0.1:51234/callback',
      state: 'st',
      codeChallenge: 'ch',
    });
    expect(url.origin + url.pathname).toBe('https://zoom.us/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client',
      redirect_uri: 'http://127.0.0.1:51234/callback',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
    expect(url.href).toContain('redirect_uri=http%3A%2F%2F127.0.0.1%3A');
  });
});
