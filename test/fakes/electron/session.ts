import type { PermissionSession } from '../../../main/desktop/security/electron-session-permissions.ts';

type RequestHandler = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<PermissionSession['setPermissionCheckHandler']>[0];

export class FakeSession implements PermissionSession {
  private requestHandler: RequestHandler | null = null;
  private checkHandler: CheckHandler | null = null;
  setPermissionRequestHandler(handler: RequestHandler) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler) {
    this.checkHandler = handler;
  }
  hasPermissionHandlers(): boolean {
    return this.requestHandler !== null && this.checkHandler !== null;
  }
  /** Asks as a page would; resolves with the decision. */
  request(permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) throw new Error('no permission request handler');
    return new Promise((resolve) =>
      handler({ getURL: () => requestingUrl }, permission, resolve, { requestingUrl }),
    );
  }
  check(permission: string, origin: string): boolean {
    if (!this.checkHandler) throw new Error('no permission check handler');
    return this.checkHandler(null, permission, origin);
  }
}
