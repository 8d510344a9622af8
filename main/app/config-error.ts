import { isAppError, type AppError } from '../core/errors.ts';

/**
 * A start-up failure the person can fix in their configuration (its message names the
 * variable), as opposed to a fault. Both hosts say so and exit with status 2.
 */
export function isConfigError(error: unknown): error is AppError {
  return isAppError(error) && error.code === 'config_invalid';
}
