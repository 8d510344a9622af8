import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import type { DeepLinkInbox } from '../deep-links/deep-link-inbox.ts';
import { routeArgv } from '../deep-links/electron-deep-links.ts';
import { wantsJoinNext, type JoinNextInbox } from '../shortcut/join-next-argv.ts';
import { claimSingleInstance } from './electron-single-instance.ts';

/**
 * Keeps one running copy. Returns false in a second copy, which should quit at once. In the
 * first, a later launch means "show me the app", and its argv may carry a sign-in deep link
 * (Windows and Linux hand the link to a new process). A launch with `--join-next` (bound to a
 * key in the desktop's own settings where global shortcuts do not work) joins instead.
 */
export function installSingleInstance(
  deps: Pick<DesktopContext, 'logger'> & {
    app: Parameters<typeof claimSingleInstance>[0] & { isReady(): boolean };
    showWindow: () => void;
    deepLinks: DeepLinkInbox;
    joinNext?: Pick<JoinNextInbox, 'request'>;
  },
): boolean {
  return claimSingleInstance(deps.app, (argv) => {
    if (deps.joinNext && wantsJoinNext(argv)) deps.joinNext.request();
    // Before ready no window can exist yet; the link still waits in the inbox.
    else if (deps.app.isReady()) deps.showWindow();
    routeArgv(argv, deps.deepLinks, deps.logger);
  });
}
