import type { WebContents } from 'electron';
import { isPermissionAllowed } from './permission-policy.ts';

/** The two permission hooks of Electron's Session, narrowed to what the policy reads. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      webContents: Pick<WebContents, 'getURL'>,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
}

/** Electron approves every permission by default; this session grants notifications to the app only. */
export function applyPermissionPolicy(session: PermissionSession): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? webContents.getURL()));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
}
