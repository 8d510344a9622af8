// Electron security checklist #17: only our own window's main frame may call main.
// @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages

/**
 * Who sent an invoke, reduced to what the trust check needs. The one sender shape: the Electron
 * transport reads it from the IPC event, the browser harness from the HTTP request.
 */
export interface IpcSender {
  frameUrl: string;
  isMainFrame: boolean;
  webContentsId: number;
}

export interface SenderCheckOptions {
  /** e.g. `app://renderer`, or the harness's `http://127.0.0.1:<port>` */
  allowedOrigins: readonly string[];
  /** Asked on every call, because windows come and go. */
  allowedWebContentsIds: () => readonly number[];
}

export function createSenderCheck(options: SenderCheckOptions): (sender: IpcSender) => boolean {
  const allowed = new Set(options.allowedOrigins.map(originOf).filter((o) => o !== null));
  return (sender) =>
    sender.isMainFrame === true &&
    options.allowedWebContentsIds().includes(sender.webContentsId) &&
    allowed.has(originOf(sender.frameUrl) ?? '');
}

/**
 * scheme://host[:port]. WHATWG URL reports the opaque origin "null" for custom schemes like
 * app://, which would make every custom-scheme page look alike, so the origin is built by hand.
 */
function originOf(value: string): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    if (url.host === '') return null;
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}
