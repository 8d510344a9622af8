import type { DesktopContext } from '../lifecycle/desktop-context.ts';
import { applyPermissionPolicy, type PermissionSession } from './electron-session-permissions.ts';
import { hardenAllWebContents } from './electron-web-contents-hardening.ts';

/**
 * The app-wide security rules: permissions are refused except notifications for the app, and
 * every web contents the app ever creates is locked to app:// (allow-listed links go to the
 * browser through `openJoinLink`). Install once ready, before the first window exists.
 */
export function installSecurity(
  deps: Pick<DesktopContext, 'logger'> & {
    app: Parameters<typeof hardenAllWebContents>[0];
    session: PermissionSession;
    /** Opens allow-listed links outside the app (the join opener). */
    openJoinLink: (url: string) => Promise<void>;
  },
): void {
  applyPermissionPolicy(deps.session);
  hardenAllWebContents(deps.app, { openExternal: deps.openJoinLink, logger: deps.logger });
}
