import { endpointProblem, isLoopbackUrl } from '../../../preload/shared/zoom-account-rules.ts';
import { AppError } from '../errors.ts';

export { isLoopbackUrl };

/**
 * Parses an endpoint from configuration, naming where it came from (`variable`: an environment
 * variable, a field of the built-in configuration file, a Settings field) when it is refused.
 */
export function parseEndpointUrl(variable: string, value: string): URL {
  const problem = endpointProblem(value);
  if (problem) throw new AppError('config_invalid', `${variable} ${problem} (got "${value}").`);
  return new URL(value.trim());
}

/** Joins a base URL and a path without doubling or dropping slashes. */
export function joinUrl(base: URL | string, path: string): string {
  const text = String(base).replace(/\/+$/, '');
  return `${text}/${path.replace(/^\/+/, '')}`;
}
