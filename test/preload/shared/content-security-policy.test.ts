import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
} from '../../../preload/shared/content-security-policy.ts';

const directives = (policy: string) =>
  new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/u);
      return [name, values] as const;
    }),
  );

describe('the window content security policy', () => {
  it('refuses everything that is not listed, and lists only the bundle and the host', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'connect-src', 'font-src'])
      expect(policy.get(name), name).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'https:', 'data:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe|\*(?!\.)/u,
    );
  });

  it('keeps frame-ancestors out of the <meta> policy (browsers ignore it there) and in the header', () => {
    expect(directives(CONTENT_SECURITY_POLICY).has('frame-ancestors')).toBe(false);
    expect(CONTENT_SECURITY_POLICY_HEADER.startsWith(`${CONTENT_SECURITY_POLICY}; `)).toBe(true);
    expect(directives(CONTENT_SECURITY_POLICY_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
