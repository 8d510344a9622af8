import type { WebContents } from 'electron';
import type { Logger } from '../../core/ports.ts';
import { allowedExternalUrl } from './external-url-policy.ts';
import { isAppUrl } from './permission-policy.ts';

/** A cancellable Electron event, as far as the lock uses it. */
interface Cancellable {
  preventDefault(): void;
}

/** The members of Electron's WebContents the lock uses. */
export interface HardenableContents extends Pick<WebContents, 'setWindowOpenHandler'> {
  on(event: 'will-navigate', listener: (event: Cancellable) => void): unknown;
  on(event: 'will-redirect', listener: (event: Cancellable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Cancellable) => void): unknown;
}

/**
 * Locks one web contents down: no navigation away from the app, no new windows (allow-listed
 * links go to the system browser instead), no <webview>. Applied to every web contents the
 * app ever creates, through `web-contents-created`, so nothing can be forgotten.
 */
export function hardenWebContents(
  contents: HardenableContents,
  deps: { openExternal: (url: string) => Promise<void>; logger: Logger },
): void {
  // The UI is one page; any navigation is either a bug or an injected link, so all are refused.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    deps.logger.warn('blocked a navigation away from the app');
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const allowed = allowedExternalUrl(url);
    if (allowed) {
      deps.openExternal(allowed).catch((error: unknown) => {
        deps.logger.warn('could not open a link in the browser', { error: String(error) });
      });
    } else {
      deps.logger.warn('refused to open a window for a link that is not allow-listed');
    }
    return { action: 'deny' };
  });
}

export function hardenAllWebContents(
  app: {
    on(
      event: 'web-contents-created',
      listener: (event: unknown, contents: HardenableContents) => void,
    ): unknown;
  },
  deps: { openExternal: (url: string) => Promise<void>; logger: Logger },
): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));
}
