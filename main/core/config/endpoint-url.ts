import { AppError } from '../errors.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** True for http(s) URLs whose host is the IPv4 or IPv6 loopback literal. */
export function isLoopbackUrl(url: URL | string): boolean {
  const parsed = typeof url === 'string' ? URL.parse(url) : url;
  return parsed !== null && LOOPBACK_HOSTS.has(parsed.hostname);
}

/**
 * Parses an endpoint from configuration. Plain http would expose tokens on the wire,
 * so it is allowed only for loopback endpoints (the local sandbox and test servers).
 */
export function parseEndpointUrl(variable: string, value: string): URL {
  const url = URL.parse(value.trim());
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new AppError(
      'config_invalid',
      `${variable} must be an https:// URL, for example https://zoom.us (got "${value}").`,
    );
  }
  if (url.protocol === 'http:' && !isLoopbackUrl(url)) {
    throw new AppError(
      'config_invalid',
      `${variable} must use https://. Plain http:// is only allowed for 127.0.0.1 or [::1] (got "${value}").`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new AppError(
      'config_invalid',
      `${variable} must not contain credentials, a query or a fragment (got "${value}").`,
    );
  }
  return url;
}

/** Joins a base URL and a path without doubling or dropping slashes. */
export function joinUrl(base: URL | string, path: string): string {
  const text = String(base).replace(/\/+$/, '');
  return `${text}/${path.replace(/^\/+/, '')}`;
}
