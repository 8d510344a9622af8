/**
 * Why one HTTP exchange produced no usable answer, before any interpretation:
 * - `network`: the connection failed (refused, reset, DNS, TLS);
 * - `timeout`: the total deadline passed, whether waiting for headers or for a dripping body;
 * - `aborted`: the caller's own signal ended the call (its reason is the `cause`);
 * - `too_large`: the body was longer than the limit, so reading stopped.
 */
export type WireFailureKind = 'network' | 'timeout' | 'aborted' | 'too_large';

export class WireError extends Error {
  readonly kind: WireFailureKind;
  constructor(kind: WireFailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WireError';
    this.kind = kind;
  }
}

export function isWireError(value: unknown): value is WireError {
  return value instanceof WireError;
}
