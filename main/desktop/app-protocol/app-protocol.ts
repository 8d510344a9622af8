import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../../preload/shared/content-security-policy.ts';

/**
 * The renderer is served from `app://renderer/…` instead of file://, so a script injected into
 * the page cannot read other files on disk (Electron security checklist item 18).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export type AppAsset =
  { kind: 'file'; filePath: string; contentType: string } | { kind: 'not-found' };

const NOT_FOUND: AppAsset = { kind: 'not-found' };

/**
 * Maps a request URL to a file inside `rootDir`, or not-found. Everything is decided on the
 * decoded path, so encoded traversal (`%2e%2e%2f`), backslashes and NUL bytes cannot escape.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): AppAsset {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return NOT_FOUND;
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.username ||
    url.password ||
    url.port
  ) {
    return NOT_FOUND;
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return NOT_FOUND;
  }
  if (path.includes('\0') || path.includes('\\')) return NOT_FOUND;
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return NOT_FOUND;
  if (path === '' || path === '/') path = '/index.html';

  const root = resolve(rootDir);
  const filePath = resolve(root, `.${path}`);
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
    return NOT_FOUND;

  const contentType = CONTENT_TYPES[extname(filePath).toLowerCase()];
  if (!contentType) return NOT_FOUND;
  return { kind: 'file', filePath, contentType };
}

/** Headers for every app:// response; HTML and scripts alike carry the window's one policy. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
