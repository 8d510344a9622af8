import type { FetchingSession } from '../../../main/desktop/network/electron-fetch.ts';
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

/** What a request through a session's fetch looked like, as Chromium would have sent it. */
export interface SessionRequest {
  url: string;
  method: string;
  credentials: RequestCredentials | undefined;
}

/**
 * A session's `fetch` (net.fetch) over Node's fetch: real HTTP to 127.0.0.1, with every request
 * recorded, so a test sees which session the app used and with which options.
 */
export class FakeFetchSession implements FetchingSession {
  readonly requests: SessionRequest[] = [];
  readonly partition: string;
  constructor(partition: string) {
    this.partition = partition;
  }
  fetch: FetchingSession['fetch'] = (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    this.requests.push({ url, method: init?.method ?? 'GET', credentials: init?.credentials });
    return fetch(input, init);
  };
}
