import { MAX_LINK_LENGTH, SUSPICIOUS_LINK_CHARACTERS } from '../../../preload/shared/limits.ts';

/**
 * Routing of `meetingtray://` links that reach the app through argv (cold start, a second
 * launch on Windows/Linux) or `open-url` (macOS). Only the OAuth callback path is ours; the
 * auth core then checks `state` against a pending sign-in.
 */
export const DEEP_LINK_SCHEME = 'meetingtray';

export function isOurDeepLink(candidate: string): boolean {
  if (candidate.length > MAX_LINK_LENGTH || SUSPICIOUS_LINK_CHARACTERS.test(candidate))
    return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === `${DEEP_LINK_SCHEME}:` &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    url.hostname === 'oauth' &&
    url.pathname === '/callback'
  );
}

export type ArgvDeepLink =
  | { kind: 'none' }
  | { kind: 'link'; url: string }
  /** The reason is safe to log; the URL itself may carry an authorization code and is not. */
  | { kind: 'rejected'; reason: string };

function mentionsOurScheme(arg: string): boolean {
  return arg.toLowerCase().includes(`${DEEP_LINK_SCHEME}:`);
}

/**
 * Finds the deep link in a launch's argv. Exactly one argument may name our scheme, and it
 * must be a whole, valid callback URL: two links, or a link smuggled inside a switch such as
 * `--foo=meetingtray://…`, mean someone crafted the command line, so nothing is delivered.
 */
export function findDeepLinkInArgv(argv: readonly string[]): ArgvDeepLink {
  const mentions = argv.filter((arg) => typeof arg === 'string' && mentionsOurScheme(arg));
  if (mentions.length === 0) return { kind: 'none' };
  if (mentions.length > 1)
    return { kind: 'rejected', reason: 'more than one deep link on the command line' };
  const [only] = mentions as [string];
  if (!only.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) {
    return { kind: 'rejected', reason: 'deep link embedded in another argument' };
  }
  if (!isOurDeepLink(only))
    return { kind: 'rejected', reason: 'not a Meeting Tray sign-in callback' };
  return { kind: 'link', url: only };
}

export interface ProtocolClientRegistration {
  scheme: string;
  /** Present only when the OS must launch something other than the packaged executable. */
  path?: string;
  args?: string[];
}

/**
 * What to pass to `app.setAsDefaultProtocolClient`. In development (`process.defaultApp`) the
 * executable is Electron itself, so the app's entry script must be passed too. The trailing
 * `--` stops Chromium reading a crafted link such as `meetingtray://x --gpu-launcher=…` as switches.
 */
export function protocolClientRegistration(input: {
  defaultApp: boolean;
  execPath: string;
  entryScript: string | undefined;
  platform: NodeJS.Platform;
  resolvePath: (path: string) => string;
}): ProtocolClientRegistration {
  if (input.defaultApp && input.entryScript) {
    return {
      scheme: DEEP_LINK_SCHEME,
      path: input.execPath,
      args: [input.resolvePath(input.entryScript), '--'],
    };
  }
  if (input.platform === 'win32')
    return { scheme: DEEP_LINK_SCHEME, path: input.execPath, args: ['--'] };
  return { scheme: DEEP_LINK_SCHEME };
}
