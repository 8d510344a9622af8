import type { ErrorCode, Result } from '../../preload/contract.ts';

/** The one error type inside main: a stable code plus a message a person can read. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** epoch ms before which the server asked us not to try again (Retry-After), when it did. */
  readonly retryAt?: number;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; retryAt?: number }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    if (options?.retryAt !== undefined) this.retryAt = options.retryAt;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Converts anything thrown into the `{ ok: false, code, message }` shape that crosses IPC. */
export function toFailure(error: unknown): Extract<Result<never>, { ok: false }> {
  if (isAppError(error)) return { ok: false, code: error.code, message: error.message };
  return { ok: false, code: 'unknown', message: 'Something went wrong. Please try again.' };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
