// Zoom requests over Chromium's network stack (Electron's session.fetch) instead of Node's:
// it follows the system proxy settings (PAC, WPAD, authenticating proxies) and the OS
// certificate store, as the person's browser does; Node's fetch knows neither.
import type { Session } from 'electron';
import type { Fetch } from '../../core/ports.ts';

export type FetchingSession = Pick<Session, 'fetch'>;

/**
 * The core's Fetch port over one Electron session. Every call sends and stores no cookies
 * (`credentials: 'omit'`; net.fetch would otherwise use the session's jar): Zoom's OAuth and API
 * endpoints take the client id and bearer tokens only. The core's deadlines and size limits
 * still apply (AbortSignal is honoured). One difference from Node's fetch: oauth4webapi asks for
 * `redirect: 'manual'`, and Chromium answers a redirect with an error rather than a 3xx, which
 * the core reports as a network failure; Zoom's token endpoint never redirects.
 */
export function createElectronFetch(session: FetchingSession): Fetch {
  return (input, init) => {
    const request = input instanceof URL ? input.href : input;
    return session.fetch(request, { ...init, credentials: 'omit' });
  };
}
