import type { App } from 'electron';
import type { Logger } from '../../core/ports.ts';
import type { DeepLinkInbox } from './deep-link-inbox.ts';
import {
  findDeepLinkInArgv,
  isOurDeepLink,
  type ProtocolClientRegistration,
} from './deep-link-argv.ts';

/** Routes one launch's argv into the inbox; anything but exactly one valid link is dropped. */
export function routeArgv(argv: readonly string[], inbox: DeepLinkInbox, logger: Logger): void {
  const found = findDeepLinkInArgv(argv);
  if (found.kind === 'link') inbox.push(found.url);
  // The reason is safe to log; the link itself may carry an authorization code and is not.
  else if (found.kind === 'rejected')
    logger.warn('ignored a deep link on the command line', { reason: found.reason });
}

/**
 * Wires every way a `meetingtray://` link reaches the app. Call before `ready`: macOS delivers
 * `open-url` for a cold start before the app is ready, and the inbox holds links until the
 * services exist.
 */
export function registerDeepLinks(deps: {
  app: Pick<App, 'setAsDefaultProtocolClient'> & {
    on(
      event: 'open-url',
      listener: (event: { preventDefault(): void }, url: string) => void,
    ): unknown;
  };
  registration: ProtocolClientRegistration;
  argv: readonly string[];
  inbox: DeepLinkInbox;
  logger: Logger;
}): void {
  const { app, registration, inbox, logger } = deps;
  const registered =
    registration.path === undefined
      ? app.setAsDefaultProtocolClient(registration.scheme)
      : app.setAsDefaultProtocolClient(
          registration.scheme,
          registration.path,
          registration.args ?? [],
        );
  if (!registered) logger.warn('could not register as the handler for meetingtray:// links');

  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (isOurDeepLink(url)) inbox.push(url);
    else logger.warn('ignored a link that is not a Meeting Tray sign-in callback');
  });
  routeArgv(deps.argv, inbox, logger);
}
