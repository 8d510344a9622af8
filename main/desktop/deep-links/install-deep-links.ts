import { resolve } from 'node:path';
import type { Logger } from '../../core/ports.ts';
import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import { protocolClientRegistration } from './deep-link-argv.ts';
import type { DeepLinkInbox } from './deep-link-inbox.ts';
import { registerDeepLinks } from './electron-deep-links.ts';

/** How this process was launched: what the OS must run to hand us a `meetingtray://` link. */
export interface Launch {
  defaultApp?: boolean;
  execPath: string;
  argv: readonly string[];
  platform: NodeJS.Platform;
}

/**
 * Registers the app for `meetingtray://` links and collects every one that arrives (argv,
 * macOS `open-url`) in the inbox. Call before `ready`; the links wait there until
 * `deliverSignInCallbacks` hands them to the auth core.
 */
export function installDeepLinks(
  deps: Pick<DesktopContext, 'logger'> & {
    app: Parameters<typeof registerDeepLinks>[0]['app'];
    launch: Launch;
    inbox: DeepLinkInbox;
  },
): void {
  registerDeepLinks({
    app: deps.app,
    registration: protocolClientRegistration({
      defaultApp: deps.launch.defaultApp === true,
      execPath: deps.launch.execPath,
      entryScript: deps.launch.argv[1],
      platform: deps.launch.platform,
      resolvePath: (path) => resolve(path),
    }),
    argv: deps.launch.argv,
    inbox: deps.inbox,
    logger: deps.logger,
  });
}

/** Once the core exists: held and future links go to the auth core, which checks their state. */
export function deliverSignInCallbacks(
  inbox: DeepLinkInbox,
  auth: { handleDeepLink(url: string): boolean },
  logger: Logger,
): void {
  inbox.open((url) => {
    if (!auth.handleDeepLink(url))
      logger.warn('a meetingtray:// link did not match a sign-in in progress');
  });
}
