import { AppError } from '../errors.ts';
import type { RedirectMode } from './auth-config.types.ts';

const VARIABLE = 'MEETING_TRAY_REDIRECT';

/** Custom schemes we can register: lower-case letters, digits, '+', '-', '.'; never a web scheme. */
const SCHEME = /^[a-z][a-z0-9+.-]*$/;
const RESERVED = new Set([
  'http',
  'https',
  'file',
  'javascript',
  'data',
  'about',
  'blob',
  'ftp',
  'ws',
  'wss',
]);

/** `loopback` (default) or a custom-scheme URI such as meetingtray://oauth/callback. */
export function parseRedirectMode(value: string | undefined): RedirectMode {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'loopback') return { kind: 'loopback' };
  const url = URL.parse(text);
  const scheme = url?.protocol.slice(0, -1) ?? '';
  if (
    !url ||
    !SCHEME.test(scheme) ||
    RESERVED.has(scheme) ||
    !url.host ||
    url.search ||
    url.hash ||
    url.username
  ) {
    throw new AppError(
      'config_invalid',
      `${VARIABLE} must be "loopback" or a custom-scheme URI like meetingtray://oauth/callback (got "${text}").`,
    );
  }
  return { kind: 'custom-scheme', uri: url.href };
}
