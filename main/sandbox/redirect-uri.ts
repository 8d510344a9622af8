// Zoom matches redirect URIs exactly and case-sensitively, except that loopback IP literals
// may use any port (native apps pick an ephemeral one). `localhost` is refused outright:
// real Zoom started rejecting it with 4700 in 2026 even when registered.

const LOOPBACK_PREFIXES = ['http://127.0.0.1', 'http://[::1]'];

interface LoopbackParts {
  rest: string;
}

/** Splits `http://127.0.0.1:1234/cb?x` into the part after the port, or null if not a loopback literal. */
function loopbackParts(uri: string): LoopbackParts | null {
  const prefix = LOOPBACK_PREFIXES.find((p) => uri.startsWith(p));
  if (!prefix) return null;
  const afterHost = uri.slice(prefix.length);
  const port = /^(?::(\d{1,5}))?/.exec(afterHost);
  const rest = afterHost.slice(port?.[0].length ?? 0);
  if (rest !== '' && !rest.startsWith('/') && !rest.startsWith('?')) return null;
  return { rest: rest === '' ? '/' : rest };
}

function isLocalhost(uri: string): boolean {
  try {
    return new URL(uri).hostname.toLowerCase() === 'localhost';
  } catch {
    return false;
  }
}

export function isRedirectUriAllowed(requested: string, registered: readonly string[]): boolean {
  if (requested === '' || requested.includes('#') || isLocalhost(requested)) return false;
  const loopback = loopbackParts(requested);
  return registered.some((candidate) => {
    if (candidate === requested) return true;
    if (!loopback) return false;
    const registeredLoopback = loopbackParts(candidate);
    return registeredLoopback !== null && registeredLoopback.rest === loopback.rest;
  });
}
